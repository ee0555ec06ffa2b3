// Command evio starts an evio server on several addresses at once.
package main

import (
	"log"
	"os"

	"github.com/tidwall/evio"
)

func main() {
	var events evio.Events
	events.Data = func(c evio.Conn, in []byte) (out []byte, action evio.Action) { return in, evio.None }
	log.Fatal(evio.Serve(events,
		"tcp://localhost:5000", // portlint:want
		"udp://:5001",          // portlint:want
		"unix:///tmp/evio.sock",
	))
}

func negatives(addrs []string) {
	var events evio.Events
	_ = evio.Serve(events, addrs...)
	_ = evio.Serve(events, "tcp://:"+os.Getenv("PORT"))
}
