// Command apartlocal passes a host and a port apart to a listen API of its
// own package: both constant is one finding, with both.
package main

import (
	"fmt"
	"log"
	"net/http"
)

func StartHTTP(port int, host string) error { // want StartHTTP:`sink: param 1 host of http\.ListenAndServe, param 0 port of http\.ListenAndServe`
	return http.ListenAndServe(fmt.Sprintf("%s:%d", host, port), nil)
}

// via passes a host to StartHTTP with its own port: the port is
// reported here, not at via's callers.
func via(h string) error {
	return StartHTTP(7000, h) // want `main\.StartHTTP listens on hard-coded port 7000`
}

func main() {
	go via("127.0.0.1")
	log.Fatal(StartHTTP(8080, "127.0.0.1")) // want `main\.StartHTTP listens on hard-coded port 8080 and loopback host "127\.0\.0\.1"`
}
