// Command helperserver builds both its servers with one helper that
// returns them: each starts where its variable does, metrics in the
// background and the app, which main waits on, on $PORT.
package main

import (
	"fmt"
	"log"
	"net/http"
)

func newServer(port int) *http.Server {
	return &http.Server{Addr: fmt.Sprintf(":%d", port), Handler: http.NewServeMux()}
}

func main() {
	metrics := newServer(9090) // want `http\.Server\.Addr \(through newServer\) listens on hard-coded port 9090: the platform routes only \$PORT, to the primary server http\.Server\.Addr \(through newServer\) \(main\.go:19\); read this listener's port from \$METRICS_PORT`
	go metrics.ListenAndServe()
	srv := newServer(8080) // want `http\.Server\.Addr \(through newServer\) listens on hard-coded port 8080: read the port from \$PORT`
	log.Fatal(srv.ListenAndServe())
}
