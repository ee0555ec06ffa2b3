// Command gclmod is linted by a custom golangci-lint with the portlint plugin.
package main

import (
	"log"
	"net"
	"net/http"
	"os"
)

func main() {
	go serveDebug()
	go serveMetrics()
	go func() {
		// From the environment: never reported.
		log.Fatal(http.ListenAndServe(":"+os.Getenv("PORT"), nil))
	}()
	l, err := net.Listen("tcp", "localhost:9000")
	if err != nil {
		log.Fatal(err)
	}
	go http.Serve(l, nil)
	log.Fatal(http.ListenAndServe(":8080", nil))
}

// serveDebug keeps a pprof-style server on loopback on purpose.
func serveDebug() {
	log.Print(http.ListenAndServe("localhost:6060", nil)) //nolint:portlint // debug server, loopback on purpose
}

// serveMetrics is scraped by a sidecar over loopback, on purpose.
func serveMetrics() {
	//portlint:ignore scraped by the sidecar over loopback
	log.Print(http.ListenAndServe("127.0.0.1:9100", nil))
}
