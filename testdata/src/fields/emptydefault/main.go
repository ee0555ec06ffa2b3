// Command emptydefault passes its configs to a function that gives their
// address a default where it is empty: an empty address listens there.
package main

import (
	"log"
	"net/http"
)

type Config struct {
	Addr string // want Addr:`sink: address \(:8080 where empty\) of http\.ListenAndServe`
	Name string
}

func run(c Config) error {
	if c.Addr == "" {
		c.Addr = ":8080"
	}
	return http.ListenAndServe(c.Addr, nil)
}

func main() {
	go run(Config{Addr: ":9000"})                 // want `^emptydefault\.Config\.Addr listens on hard-coded port 9000: the platform routes only \$PORT`
	log.Fatal(run(Config{Name: "app", Addr: ""})) // want `^emptydefault\.Config\.Addr listens on hard-coded port 8080: read the port from \$PORT`
}
