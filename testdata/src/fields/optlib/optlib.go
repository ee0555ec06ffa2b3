// Package optlib builds a server from functional options, or serves the
// options a struct holds.
package optlib

import (
	"fmt"
	"net/http"
)

type Server struct{ addr string }

type Option func(*Server)

func WithAddr(a string) Option { return func(s *Server) { s.addr = a } } // want WithAddr:`sink: param 0 address of http\.ListenAndServe`

func New(opts ...Option) *Server {
	s := &Server{}
	for _, o := range opts {
		o(s)
	}
	return s
}

func (s *Server) Run() error { return http.ListenAndServe(s.addr, nil) } // want Run:`serves`

type Options struct{ Port int } // want Port:`sink: port of http\.ListenAndServe`

func Serve(o Options) error { return http.ListenAndServe(fmt.Sprintf(":%d", o.Port), nil) } // want Serve:`serves`
