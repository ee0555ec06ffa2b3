// Command libconst passes lib a constant address: the caller's constant
// is the server's address, not lib's default.
package main

import (
	"log"

	"fields/lib"
)

func main() {
	s := lib.NewServer(lib.Config{Addr: ":9000"}) // want `lib\.Config\.Addr listens on hard-coded port 9000: read the port from \$PORT`
	log.Fatal(s.Start())
}
