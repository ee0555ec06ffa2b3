// Command listenscmd serves the app and metrics on the ports another
// package's config holds, each its own.
package main

import (
	"fmt"
	"log"
	"net/http"

	"fields/listens"
)

func main() {
	cfg := listens.Default()
	go http.ListenAndServe(fmt.Sprintf(":%d", cfg.Metrics.Port), nil)      // want `http\.ListenAndServe listens on hard-coded port 9090: the platform routes only \$PORT, to the primary server http\.ListenAndServe \(main\.go:16\); read this listener's port from \$PORT_9090`
	log.Fatal(http.ListenAndServe(fmt.Sprintf(":%d", cfg.HTTP.Port), nil)) // want `http\.ListenAndServe listens on hard-coded port 8080: read the port from \$PORT`
}

// Debug is written with a value the package does not show: unknown.
func debug() {
	log.Fatal(http.ListenAndServe(fmt.Sprintf(":%d", listens.NewAdmin().Debug.Port), nil))
}
