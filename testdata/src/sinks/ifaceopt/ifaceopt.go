// Package ifaceopt takes options behind an interface, in grpc's shape:
// function adapters (funcOption, optionFunc) and structs (nameOption,
// EmptyOption) that only write fields of the server, and options that
// set the address or a listener.
package ifaceopt

import (
	"net"
	"net/http"
)

type Server struct {
	addr    string
	handler http.Handler
	name    string
	ln      net.Listener
}

// Option configures a Server.
type Option interface{ apply(*Server) }

// funcOption adapts a function to an Option, as grpc's funcServerOption.
type funcOption struct{ f func(*Server) }

func (fo *funcOption) apply(s *Server) { fo.f(s) }

func newFuncOption(f func(*Server)) *funcOption { return &funcOption{f: f} }

// optionFunc is an adapter of another kind: the function type itself.
type optionFunc func(*Server)

func (f optionFunc) apply(s *Server) { f(s) }

// nameOption is a struct that writes one field.
type nameOption struct{ name string }

func (o nameOption) apply(s *Server) { s.name = o.name }

// EmptyOption writes nothing.
type EmptyOption struct{} // want EmptyOption:`option writes $`

func (EmptyOption) apply(*Server) {}

// listenerOption hands the server a listener.
type listenerOption struct{ ln net.Listener }

func (o listenerOption) apply(s *Server) { s.ln = o.ln }

func WithHandler(h http.Handler) Option { // want WithHandler:`option writes sinks/ifaceopt\.handler`
	return newFuncOption(func(s *Server) { s.handler = h })
}

func WithName(n string) Option { return nameOption{name: n} } // want WithName:`option writes sinks/ifaceopt\.name`

func WithNothing() Option { return optionFunc(func(*Server) {}) } // want WithNothing:`option writes $`

func WithAddr(a string) Option { // want WithAddr:`sink: param 0 address of net\.Listen`
	return newFuncOption(func(s *Server) { s.addr = a })
}

func WithListener(ln net.Listener) Option { return listenerOption{ln} }

// ListenAndServe applies its options to the server before it listens: a
// call passing none, or only options that leave the address alone, proves
// the address.
func ListenAndServe(addr string, opts ...Option) error { // want ListenAndServe:`sink: param 0 address, in calls passing no variadic argument, of net\.Listen` ListenAndServe:`serves`
	s := &Server{addr: addr}
	for _, o := range opts {
		o.apply(s)
	}
	return s.serve()
}

func (s *Server) serve() error {
	if s.ln == nil {
		ln, err := net.Listen("tcp", s.addr)
		if err != nil {
			return err
		}
		s.ln = ln
	}
	return http.Serve(s.ln, s.handler)
}
