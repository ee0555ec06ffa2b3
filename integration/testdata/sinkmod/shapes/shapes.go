// Package shapes hides listen APIs in the shapes real libraries use:
// functional options applied before the listen (ListenAndServe), a
// variadic address (Engine.Run), a constructor whose reader another
// package calls (NewRemote, whose Start an engine runs), and a host and a
// port made into an address struct by an internal package (ListenTCP).
package shapes

import (
	"net"
	"net/http"

	"example.com/sinkmod/shapes/internal/netx"
)

// Option changes a Server before it listens.
type Option func(*Server)

// WithHandler sets the handler, and only that: a call passing it proves
// the address too.
func WithHandler(h http.Handler) Option { return func(s *Server) { s.Handler = h } }

// Server is what ListenAndServe starts.
type Server struct {
	Addr    string
	Handler http.Handler
}

// ListenAndServe serves until it fails.
func (s *Server) ListenAndServe() error { return http.ListenAndServe(s.Addr, s.Handler) }

// ListenAndServe applies its options to a Server on addr and serves.
func ListenAndServe(addr string, h http.Handler, opts ...Option) error {
	srv := &Server{Addr: addr, Handler: h}
	for _, o := range opts {
		o(srv)
	}
	return srv.ListenAndServe()
}

// Engine takes its address as gin's does: variadic, the first one.
type Engine struct{}

// Run serves http.DefaultServeMux on addr[0], or :8080.
func (e *Engine) Run(addr ...string) error {
	a := ":8080"
	if len(addr) > 0 {
		a = addr[0]
	}
	return http.ListenAndServe(a, nil)
}

// Remote is a component that listens when an engine starts it.
type Remote struct {
	addr string
	ln   net.Listener
}

// NewRemote stores the address Start listens on.
func NewRemote(addr string) *Remote { return &Remote{addr: addr} }

// Start listens and serves http.DefaultServeMux in the background.
func (r *Remote) Start() error {
	ln, err := net.Listen("tcp", r.addr)
	if err != nil {
		return err
	}
	r.ln = ln
	go http.Serve(ln, nil)
	return nil
}

// ListenTCP listens on host and port, which an internal package joins
// in a net.TCPAddr.
func ListenTCP(host string, port int) (net.Listener, error) {
	return netx.Listen(host, port)
}
