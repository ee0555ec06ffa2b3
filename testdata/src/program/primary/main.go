// Command primary serves an app, metrics and a loopback admin endpoint:
// one port per program.
package main

import (
	"log"
	"net"
	"net/http"
)

const metricsPort = "9090"

func main() {
	go http.ListenAndServe(":"+metricsPort, nil) // want `^http\.ListenAndServe listens on hard-coded port 9090: the platform routes only \$PORT, to the primary server http\.Server\.Addr \(main\.go:24\); read this listener's port from \$METRICS_PORT$`

	adminLn, err := net.Listen("tcp", "localhost:7070") // want `net\.Listen listens on hard-coded port 7070: .*read this listener's port from \$ADMIN_PORT$`
	if err != nil {
		log.Fatal(err)
	}
	go http.Serve(adminLn, nil)

	go serveStatus()

	srv := &http.Server{Addr: ":8080"} // want `^http\.Server\.Addr listens on hard-coded port 8080: read the port from \$PORT$`
	log.Fatal(srv.ListenAndServe())
}

// serveStatus is only ever started as a goroutine.
func serveStatus() {
	http.ListenAndServe(":9091", nil) // want `hard-coded port 9091: .*from \$STATUS_PORT$`
}

// A secondary whose port is configured is not reported, loopback or not.
func configured(port string) {
	go http.ListenAndServe("localhost:"+port, nil)
}
