// Command kept builds its one server with options that leave the address
// unset: kept.New's default on empty, kept for Run, is where it listens.
package main

import (
	"log"

	"fieldmod/kept"
)

func main() {
	log.Fatal(kept.New(kept.Options{}).Run())
}
