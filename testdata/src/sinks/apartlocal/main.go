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

func main() {
	log.Fatal(StartHTTP(8080, "127.0.0.1")) // want `main\.StartHTTP listens on hard-coded port 8080 and loopback host "127\.0\.0\.1"`
}
