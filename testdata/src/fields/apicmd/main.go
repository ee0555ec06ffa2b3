// Command apicmd builds its one server with a constant port and runs it:
// the construction and the start are one server, the primary.
package main

import (
	"log"

	"fields/api"
)

func main() {
	s := api.New(api.Options{Port: 9100}) // want `api\.Options\.Port listens on hard-coded port 9100: read the port from \$PORT`
	log.Fatal(s.Run())
}
