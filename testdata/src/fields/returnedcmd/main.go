// Command returnedcmd builds its server's options in a helper, whose one
// call is passed to the constructor: the helper's literal and the start
// are one server, the primary.
package main

import (
	"log"

	"fields/api"
)

func options() api.Options {
	return api.Options{Port: 9101} // want `^api\.Options\.Port listens on hard-coded port 9101: read the port from \$PORT`
}

func main() {
	s := api.New(options())
	log.Fatal(s.Run())
}
