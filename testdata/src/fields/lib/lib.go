// Package lib gives a default address to callers that pass none: the
// default is not a server of its own.
package lib

import "net/http"

const DefaultAddr = ":8080"

type Config struct{ Addr string } // want Addr:`sink: address \(:8080 where empty\) of http\.Server\.Addr`

type Server struct{ srv *http.Server }

func NewServer(cfg Config) *Server {
	if cfg.Addr == "" {
		cfg.Addr = DefaultAddr
	}
	return &Server{srv: &http.Server{Addr: cfg.Addr}}
}

func (s *Server) Start() error { return s.srv.ListenAndServe() } // want Start:`serves`
