// Package srvfield keeps servers in fields of its structs and gives their
// addresses a value before they start: a constant in the literal is then
// only a default, as for a server held in a variable.
package srvfield

import (
	"net/http"
	"os"
)

type App struct{ srv *http.Server }

// replaced assigns the environment's address after the literal.
func replaced() error {
	a := &App{srv: &http.Server{Addr: ":8080"}}
	a.srv.Addr = os.Getenv("ADDR")
	return a.srv.ListenAndServe()
}

type Started struct{ http *http.Server }

func NewStarted() *Started { return &Started{http: &http.Server{Addr: ":8081"}} }

// Start replaces the default with its parameter where it is given.
func (s *Started) Start(addr string) error { // want Start:`^sink: param 0 address of http\.Server\.Addr$` Start:`^serves$`
	if addr != "" {
		s.http.Addr = addr
	}
	return s.http.ListenAndServe()
}

type Set struct{ srv *http.Server }

func NewSet() *Set { return &Set{srv: &http.Server{Addr: ":8082"}} }

// SetAddr is a setter of the address.
func (s *Set) SetAddr(addr string) { s.srv.Addr = addr } // want SetAddr:`^sink: param 0 address of http\.Server\.Addr$` SetAddr:`^serves$`

func (s *Set) Run() error { return s.srv.ListenAndServe() }

type Kept struct{ srv *http.Server }

// kept only reads its server's other fields: its constant stays.
func kept() error {
	k := &Kept{srv: &http.Server{Addr: ":8083"}} // want `http\.Server\.Addr listens on hard-coded port 8083`
	k.srv.ReadHeaderTimeout = 5
	return k.srv.ListenAndServe()
}
