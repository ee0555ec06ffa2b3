// Package api builds a server from options; Run starts it on the port
// the options gave, copied into a field of its own.
package api

import (
	"fmt"
	"io"
	"net/http"
)

// DefaultPort is the port of a server whose options give none: a
// default on empty, not a server of its own.
const DefaultPort = 8000

type Options struct{ Port int }

type Server struct{ port int }

func New(o Options) *Server {
	if o.Port == 0 {
		o.Port = DefaultPort
	}
	return &Server{port: o.Port}
}

func (s *Server) Run() error {
	mux := http.NewServeMux()
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, "hello from api\n")
	})
	return http.ListenAndServe(fmt.Sprintf(":%d", s.port), mux)
}
