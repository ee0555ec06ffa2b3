// Package kept gives its options' address a default where it is empty
// and keeps the options for Run, which listens on that address.
package kept

import (
	"io"
	"net/http"
)

type Options struct{ Addr string }

type Server struct{ opts Options }

func New(o Options) *Server {
	if o.Addr == "" {
		o.Addr = ":8300"
	}
	return &Server{opts: o}
}

func (s *Server) Run() error {
	mux := http.NewServeMux()
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, "hello from kept\n")
	})
	return http.ListenAndServe(s.opts.Addr, mux)
}
