package local

import (
	"fmt"
	"net/http"
	"os"
)

func serveAt(addr string) { http.ListenAndServe(addr, nil) }

// A local table of struct literals, ranged over: one server per element.
func structTable() {
	servers := []struct {
		host string
		port int
	}{{"127.0.0.1", 7304}, {"[::1]", 7305}}
	for _, s := range servers {
		go serveAt(fmt.Sprintf("%s:%d", s.host, s.port)) // want `starts one server per element of a list, on hard-coded ports 7304 and 7305 and loopback hosts "127\.0\.0\.1" and "::1"`
	}
}

// A positional struct literal sets its fields in order.
func positional() {
	c := struct{ host, port string }{"localhost", "8090"}
	http.ListenAndServe(c.host+":"+c.port, nil) // want `hard-coded port 8090 and loopback host "localhost"`
}

// Negatives: an element read from the environment; a table written
// after it is built.
func structTableNegatives() {
	servers := []struct{ addr string }{{":7306"}, {os.Getenv("ADDR")}}
	for _, s := range servers {
		go serveAt(s.addr)
	}
	more := []struct{ addr string }{{":7307"}}
	more[0].addr = os.Getenv("ADDR")
	for _, s := range more {
		go serveAt(s.addr)
	}
}
