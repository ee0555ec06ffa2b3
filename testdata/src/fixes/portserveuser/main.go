// Command portserveuser passes a constant port of a type from a package
// its file does not import, whose name is not its path's last element.
package main

import (
	"log"

	"fixes/portserve"
)

func main() {
	go serveAdmin()
	log.Fatal(portserve.Serve(9090)) // want `portserve\.Serve listens on hard-coded port 9090`
}
