// Package api builds a server from options; Run starts it on the port
// the options gave, copied into a field of its own.
package api

import (
	"fmt"
	"net/http"
)

type Options struct{ Port int } // want Port:`sink: port of http\.ListenAndServe`

type Server struct{ port int }

func New(o Options) *Server { return &Server{port: o.Port} }

func (s *Server) Run() error { return http.ListenAndServe(fmt.Sprintf(":%d", s.port), nil) } // want Run:`serves`
