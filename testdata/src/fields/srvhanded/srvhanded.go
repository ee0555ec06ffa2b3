// Package srvhanded hands out servers whose address it gives a
// constant: a default where its own Start takes the address from its
// caller, a server where nothing it shows replaces it.
package srvhanded

import "net/http"

type Server struct{ http http.Server }

func New() *Server {
	s := &Server{}
	s.http.Addr = ":8080"
	return s
}

// Start listens on addr, or on the default when addr is empty.
func (s *Server) Start(addr string) error { // want Start:`serves` Start:`sink: param 0 address of http\.Server\.Addr`
	if addr != "" {
		s.http.Addr = addr
	}
	return s.http.ListenAndServe()
}

// NewPlain's caller starts it as it is, as far as this package shows.
func NewPlain() *http.Server { // want NewPlain:`serves on port 8081`
	return &http.Server{Addr: ":8081"} // want `^http\.Server\.Addr listens on hard-coded port 8081: read the port from \$PORT`
}
