// Command goonly starts every server in a goroutine and waits: the first
// one is the primary.
package main

import (
	"net/http"
)

const (
	metricsPort = "9100"
	metricsAddr = ":9101"
)

func main() {
	go http.ListenAndServe(":8080", nil)                // want `^http\.ListenAndServe listens on hard-coded port 8080: read the port from \$PORT$`
	go http.ListenAndServe(":"+metricsPort, nil)        // want `hard-coded port 9100: the platform routes only \$PORT, to the primary server http\.ListenAndServe \(main\.go:15\); read this listener's port from \$METRICS_PORT$`
	go http.ListenAndServe(metricsAddr, nil)            // want `hard-coded port 9101: .*from \$METRICS_9101_PORT$`
	go http.ListenAndServe("localhost:9102", http.NotFoundHandler()) // want `hard-coded port 9102: .*from \$PORT_9102$`
	select {}
}
