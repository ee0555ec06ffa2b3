// Command ctorcmd builds its servers with constructors of its own and
// starts them by methods: each construction is one server with the call
// that starts it, and the one main waits on is the primary.
package main

import (
	"fmt"
	"log"
	"net/http"
	"os"
)

type server struct{ port int }

func newServer(port int) *server { return &server{port: port} }

func (s *server) run() error { return http.ListenAndServe(fmt.Sprintf(":%d", s.port), nil) }

type metrics struct{ addr string }

func newMetrics(addr string) *metrics { return &metrics{addr: addr} }

func (m *metrics) serve() error { return http.ListenAndServe(m.addr, nil) }

// web's address is never written: it listens on :80.
type web struct{ addr string }

func (w *web) serve() error { return http.ListenAndServe(w.addr, nil) } // want `http\.ListenAndServe listens on hard-coded port 80 \(what an empty address means\): the platform routes only \$PORT, to the primary server`

// admin's address is written once, from the environment.
type admin struct{ addr string }

func (a *admin) serve() error { return http.ListenAndServe(a.addr, nil) }

func main() {
	go (&web{}).serve()
	a := &admin{}
	a.addr = os.Getenv("ADMIN_ADDR")
	go a.serve()
	m := newMetrics(":9090") // want `listens on hard-coded port 9090: the platform routes only \$PORT, to the primary server ctorcmd\.server\.port \(through newServer\) \(main\.go:42\); read this listener's port from \$M_PORT`
	go m.serve()
	s := newServer(8080) // want `ctorcmd\.server\.port \(through newServer\) listens on hard-coded port 8080: read the port from \$PORT`
	log.Fatal(s.run())
}
