// Command apidefault builds its one server with options that leave the
// port unset: api.New's default on empty is where it listens.
package main

import (
	"log"

	"fieldmod/api"
)

func main() {
	s := api.New(api.Options{})
	log.Fatal(s.Run())
}
