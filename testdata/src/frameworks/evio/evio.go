// Package main serves with evio: every address of Serve is listened on
// at once, each a site of its own.
package main

import (
	"flag"
	"log"
	"os"

	"github.com/tidwall/evio"
)

var addr = flag.String("addr", "tcp://:5000", "the address to serve on")

const metricsAddr = "tcp://localhost:5002"

func main() {
	flag.Parse()
	var events evio.Events
	log.Fatal(evio.Serve(events, "tcp://localhost:5000", "udp://:5001", metricsAddr)) // want `evio\.Serve listens on hard-coded port 5000 and loopback host "localhost": read the port from \$PORT and bind 0\.0\.0\.0` `evio\.Serve listens on hard-coded port 5001: the platform routes only \$PORT` `evio\.Serve listens on hard-coded port 5002: the platform routes only \$PORT, to the primary server evio\.Serve \(evio\.go:\d+\); read this listener's port from \$METRICS_PORT`
}

func negatives(addrs []string) {
	var events evio.Events
	_ = evio.Serve(events)
	_ = evio.Serve(events, addrs...)
	_ = evio.Serve(events, *addr, "unix:///tmp/evio.sock")
	_ = evio.Serve(events, "tcp://:"+os.Getenv("PORT"), "unix:///tmp/evio.sock")
	_ = evio.Serve(events, "tcp-net://:5003") // the standard library's loop: not read
}
