// Command demo is a small web service written the way many start out:
// portlint finds its three listen sites that a container platform
// cannot reach, and leaves the configurable one alone.
package main

import (
	"log"
	"net"
	"net/http"
	"os"
)

const metricsPort = "9090"

func main() {
	http.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) { w.Write([]byte("hello\n")) })

	// The admin API listens where the operator says: portlint is silent.
	go http.ListenAndServe(os.Getenv("ADMIN_ADDR"), nil)

	// Metrics on a hard-coded port.
	go http.ListenAndServe(":"+metricsPort, nil)

	// A debug listener on loopback only.
	ln, err := net.Listen("tcp", "localhost:6060")
	if err != nil {
		log.Fatal(err)
	}
	go http.Serve(ln, nil)

	srv := &http.Server{Addr: "127.0.0.1:8080"}
	log.Fatal(srv.ListenAndServe())
}
