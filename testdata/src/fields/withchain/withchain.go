// Package withchain builds a server with a default address, which its
// callers change through WithAddr before Run: the default is no server
// of its own, each WithAddr argument is.
package withchain

import (
	"net/http"
	"time"
)

type Server struct {
	addr    string
	timeout time.Duration
}

func New() Server { return Server{addr: ":8080", timeout: time.Second} }

func (s Server) WithAddr(a string) Server { s.addr = a; return s } // want WithAddr:`sink: param 0 address of http\.Server\.Addr`

func (s Server) WithTimeout(d time.Duration) Server { s.timeout = d; return s }

func (s Server) Run() error { // want Run:`serves`
	return (&http.Server{Addr: s.addr, ReadHeaderTimeout: s.timeout}).ListenAndServe()
}
