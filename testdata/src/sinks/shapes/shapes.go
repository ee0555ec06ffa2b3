// Package shapes hides its listen APIs in the shapes real services use.
package shapes

import (
	"net"
	"net/http"
)

// Engine takes its address as gin's does: variadic, the first one.
type Engine struct{}

func (e *Engine) Run(addr ...string) error { // want Run:`sink: param 0 address of http\.ListenAndServe` Run:`serves on port 8080`
	a := ":8080"
	if len(addr) > 0 {
		a = addr[0]
	}
	return http.ListenAndServe(a, nil)
}

// RunAll serves on every address it is given: no one element is the
// address, so it is not a listen API of its own.
func RunAll(addrs ...string) { // want RunAll:`starts a server`
	for _, a := range addrs {
		go http.ListenAndServe(a, nil)
	}
}

// RunLast reads an element other than the first: not followed.
func RunLast(addrs ...string) error { // want RunLast:`serves`
	return http.ListenAndServe(addrs[len(addrs)-1], nil)
}

// Option changes a Server before it listens, as functional options do.
type Option func(*Server)

// WithAddr is an option that sets the address.
func WithAddr(addr string) Option { return func(s *Server) { s.Addr = addr } } // want WithAddr:`sink: param 0 address of http\.ListenAndServe`

// WithHandler is an option that leaves the address alone.
func WithHandler(h http.Handler) Option { return func(s *Server) { s.Handler = h } }

// Server is started by ListenAndServe, whose options may change it.
type Server struct {
	Addr    string // want Addr:`sink: address of http\.ListenAndServe`
	Handler http.Handler
}

func (s *Server) ListenAndServe() error { return http.ListenAndServe(s.Addr, s.Handler) } // want ListenAndServe:`serves`

// ListenAndServe applies its options to the server before it listens: a
// call passing none proves the address.
func ListenAndServe(addr string, h http.Handler, opts ...Option) error { // want ListenAndServe:`sink: param 0 address, in calls passing no variadic argument, of http\.ListenAndServe` ListenAndServe:`serves`
	srv := &Server{Addr: addr, Handler: h}
	for _, o := range opts {
		o(srv)
	}
	return srv.ListenAndServe()
}

// Serve changes the server whatever it is passed: not a listen API.
func Serve(addr string, setup func(*Server)) error {
	srv := &Server{Addr: addr}
	setup(srv)
	return srv.ListenAndServe()
}

// Remote is a component whose constructor stores the address its Start,
// called by an engine through an interface, listens on.
type Remote struct{ addr string }

func NewRemote(addr string) *Remote { return &Remote{addr: addr} } // want NewRemote:`sink: param 0 address of net\.Listen`

func (r *Remote) Start() error { // want Start:`starts a server`
	ln, err := net.Listen("tcp", r.addr)
	if err != nil {
		return err
	}
	go http.Serve(ln, nil)
	return nil
}

// Component is what StartAll starts.
type Component interface{ Start() error }

func StartAll(cs ...Component) error {
	for _, c := range cs {
		if err := c.Start(); err != nil {
			return err
		}
	}
	return nil
}
