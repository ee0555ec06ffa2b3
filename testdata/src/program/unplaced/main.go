// Command unplaced starts servers whose start the pass cannot place: one
// held in a package variable, one built by a helper. They may all run at
// once, so only one of them reads $PORT.
package main

import (
	"log"
	"net/http"
)

var apiSrv = &http.Server{Addr: ":8080"} // want `http\.Server\.Addr listens on hard-coded port 8080: read the port from \$PORT`

var adminSrv = &http.Server{Addr: ":9090"} // want `http\.Server\.Addr listens on hard-coded port 9090: the platform routes only \$PORT, to the primary server http\.Server\.Addr \(main\.go:11\); read this listener's port from \$ADMIN_PORT`

func newMetrics() *http.Server { return &http.Server{Addr: ":9100"} } // want `http\.Server\.Addr listens on hard-coded port 9100: the platform routes only \$PORT, to the primary server http\.Server\.Addr \(main\.go:11\); read this listener's port from \$METRICS_PORT`

func main() {
	go adminSrv.ListenAndServe()
	m := newMetrics()
	go m.ListenAndServe()
	log.Fatal(apiSrv.ListenAndServe())
}
