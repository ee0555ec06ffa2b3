// Command usesserver waits on a server of another package: that is its
// primary, so its own listeners are secondaries.
package main

import (
	"log"
	"net/http"
	"os"

	"program/server"
)

func main() {
	go http.ListenAndServe(":9090", nil) // want `^http\.ListenAndServe listens on hard-coded port 9090: the platform routes only \$PORT, to the primary server server\.Run \(main\.go:18\); read this listener's port from \$PORT_9090$`
	server.Background(nil)
	go http.ListenAndServe(":"+os.Getenv("STATUS_PORT"), nil) // want `can take the port of server\.Background \(main\.go:15\).*both read \$STATUS_PORT`
	go http.ListenAndServe(":"+os.Getenv("PORT"), nil)
	log.Fatal(server.Run(nil)) // want `^server\.Run can take the port of http\.ListenAndServe \(main\.go:17\), which is still listening \(both read \$PORT\)`
}
