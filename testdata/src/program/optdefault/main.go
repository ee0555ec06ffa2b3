// Command optdefault builds its server with a default address that its
// options may replace: the default is not a server of its own.
package main

import (
	"log"
	"net/http"
)

type Server struct{ srv *http.Server }

type Option func(*Server)

func WithAddr(a string) Option { return func(s *Server) { s.srv.Addr = a } } // want WithAddr:`sink: param 0 address of http\.Server\.Addr`

func NewServer(opts ...Option) *Server {
	s := &Server{srv: &http.Server{Addr: ":80", Handler: http.NewServeMux()}}
	for _, o := range opts {
		o(s)
	}
	return s
}

func (s *Server) Run() error { return s.srv.ListenAndServe() }

func main() {
	s := NewServer(WithAddr(":8080")) // want `main\.WithAddr listens on hard-coded port 8080: read the port from \$PORT`
	log.Fatal(s.Run())
}
