// Command libunsetcmd leaves lib's address unset: lib's default is where
// it listens.
package main

import (
	"log"

	"fields/lib"
)

func main() {
	s := lib.NewServer(lib.Config{}) // want `^lib\.Config\.Addr \(unset\) listens on hard-coded port 8080: read the port from \$PORT`
	log.Fatal(s.Start())
}
