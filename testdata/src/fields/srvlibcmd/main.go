// Command srvlibcmd builds two servers with another package's builder and
// starts each where its variable is: metrics in the background, the app
// on $PORT.
package main

import (
	"log"
	"net/http"

	"fields/srvlib"
)

func main() {
	metrics := srvlib.NewHTTPServer(srvlib.Config{Port: 9090}, http.NewServeMux()) // want `srvlib\.Config\.Port listens on hard-coded port 9090: the platform routes only \$PORT, to the primary server srvlib\.Config\.Port \(main\.go:16\); read this listener's port from \$METRICS_PORT`
	go metrics.ListenAndServe()
	srv := srvlib.NewHTTPServer(srvlib.Config{Port: 8080}, http.NewServeMux()) // want `srvlib\.Config\.Port listens on hard-coded port 8080: read the port from \$PORT`
	log.Fatal(srv.ListenAndServe())
}
