// Command twoapis builds several servers of package api: each
// construction is one server with the call that starts it, and the one
// main waits on is the primary.
package main

import (
	"log"
	"os"
	"strconv"

	"fields/api"
)

func envPort() int {
	p, _ := strconv.Atoi(os.Getenv("API_PORT"))
	return p
}

func main() {
	configured := api.New(api.Options{Port: envPort()})
	go configured.Run()
	go api.New(api.Options{Port: 9300}).Run()  // want `api\.Options\.Port listens on hard-coded port 9300: the platform routes only \$PORT, to the primary server api\.Options\.Port \(main\.go:25\); read this listener's port from \$PORT_9300`
	unused := api.New(api.Options{Port: 9400}) // want `api\.Options\.Port listens on hard-coded port 9400: the platform routes only \$PORT`
	_ = unused
	s := api.New(api.Options{Port: 9200}) // want `api\.Options\.Port listens on hard-coded port 9200: read the port from \$PORT`
	log.Fatal(s.Run())
}
