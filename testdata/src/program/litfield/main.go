// Command litfield reads its address from a struct literal in place: the
// server main waits on is the primary, whatever the literal's type.
package main

import (
	"log"
	"net/http"
)

type config struct{ Addr string }

func main() {
	go http.ListenAndServe(":8080", nil)                            // want `http\.ListenAndServe listens on hard-coded port 8080: the platform routes only \$PORT, to the primary server http\.ListenAndServe`
	log.Fatal(http.ListenAndServe(config{Addr: ":9000"}.Addr, nil)) // want `http\.ListenAndServe listens on hard-coded port 9000: read the port from \$PORT`
}
