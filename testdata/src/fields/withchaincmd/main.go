// Command withchaincmd chains its server's options: the address it gives
// is its one server's, started by Run.
package main

import (
	"log"
	"time"

	"fields/withchain"
)

func main() {
	s := withchain.New().WithAddr("localhost:8443").WithTimeout(3 * time.Second) // want `^withchain\.Server\.WithAddr listens on hard-coded port 8443 and loopback host "localhost": read the port from \$PORT and bind 0\.0\.0\.0`
	log.Fatal(s.Run())
}
