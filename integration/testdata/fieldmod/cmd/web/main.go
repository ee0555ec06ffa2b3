// Command web listens where package config's constructor says: a
// loopback host and a constant port, read through a call.
package main

import (
	"io"
	"log"
	"net/http"

	"fieldmod/config"
)

func main() {
	mux := http.NewServeMux()
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, "hello from web\n")
	})
	log.Printf("listening on %s", config.Load().Listen) // read only for logging
	srv := http.Server{Addr: config.Load().Listen, Handler: mux}
	log.Fatal(srv.ListenAndServe())
}
