// Command api builds its one server with a constant port and runs it:
// the construction and the start are one server.
package main

import (
	"log"

	"fieldmod/api"
)

func main() {
	s := api.New(api.Options{Port: 9100})
	log.Fatal(s.Run())
}
