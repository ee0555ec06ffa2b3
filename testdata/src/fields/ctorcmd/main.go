// Command ctorcmd builds its servers with constructors of its own and
// starts them by methods: each construction is one server with the call
// that starts it, and the one main waits on is the primary.
package main

import (
	"fmt"
	"log"
	"net/http"
)

type server struct{ port int }

func newServer(port int) *server { return &server{port: port} }

func (s *server) run() error { return http.ListenAndServe(fmt.Sprintf(":%d", s.port), nil) }

type metrics struct{ addr string }

func newMetrics(addr string) *metrics { return &metrics{addr: addr} }

func (m *metrics) serve() error { return http.ListenAndServe(m.addr, nil) }

func main() {
	m := newMetrics(":9090") // want `listens on hard-coded port 9090: the platform routes only \$PORT, to the primary server ctorcmd\.server\.port \(through newServer\) \(main\.go:27\); read this listener's port from \$M_PORT`
	go m.serve()
	s := newServer(8080) // want `ctorcmd\.server\.port \(through newServer\) listens on hard-coded port 8080: read the port from \$PORT`
	log.Fatal(s.run())
}
