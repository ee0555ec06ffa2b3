// Command cmpor gives its parameters and options defaults with cmp.Or:
// the default is not the address when a caller gives one.
package main

import (
	"cmp"
	"log"
	"net/http"
	"os"
)

// run's callers are all known: each call's address is its value, or the
// default where it is empty; one that reads the environment is configured.
func run(addr string) error { return http.ListenAndServe(cmp.Or(addr, ":8080"), nil) }

type Options struct{ Addr string } // want Addr:`sink: address \(:8081 where empty\) of http\.ListenAndServe`

type Server struct{ addr string }

func New(o Options) *Server { return &Server{addr: cmp.Or(o.Addr, ":8081")} }

func (s *Server) Run() error { return http.ListenAndServe(s.addr, nil) }

func main() {
	go run(os.Getenv("ADDR"))
	go New(Options{Addr: os.Getenv("ADMIN_ADDR")}).Run()
	go New(Options{Addr: ":9001"}).Run() // want `hard-coded port 9001`
	log.Fatal(run(":9000"))              // want `\(through run\) listens on hard-coded port 9000: read the port from \$PORT`
}
