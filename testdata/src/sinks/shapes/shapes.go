// Package shapes hides its listen APIs in the shapes real services use.
package shapes

import (
	"net"
	"net/http"
	"os"
	"sort"
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

// WithHandler is an option that leaves the address alone: its facts say
// so.
func WithHandler(h http.Handler) Option { return func(s *Server) { s.Handler = h } } // want WithHandler:`option writes sinks/shapes\.Handler`

// WithLimits writes two fields, one through another.
func WithLimits(n int) Option { // want WithLimits:`option writes sinks/shapes\.Limits, sinks/shapes\.MaxHeader`
	if n < 0 {
		return func(s *Server) { s.MaxHeader = 0 }
	}
	return func(s *Server) {
		s.MaxHeader = n
		s.Limits.Body = n
	}
}

// WithListener gives the server a listener, which it serves instead of
// its address: no fact.
func WithListener(l net.Listener) Option { return func(s *Server) { s.Listener = l } }

// WithRelay sets a field by a name that says nothing, of a type that
// makes listeners: no fact.
func WithRelay(f func() (net.Listener, error)) Option { return func(s *Server) { s.Relay = f } }

// WithSetup calls a method of the server, which may do anything: no fact.
func WithSetup() Option { return func(s *Server) { s.setup() } }

// WithConfigure hands the server on: no fact.
func WithConfigure(f func(*Server)) Option { return func(s *Server) { f(s) } }

// WithAny returns an option it is given: no fact.
func WithAny(o Option) Option { return o }

// Server is started by ListenAndServe, whose options may change it.
type Server struct {
	Addr      string // want Addr:`sink: address of http\.ListenAndServe`
	Handler   http.Handler
	MaxHeader int
	Limits    struct{ Body int }
	Listener  net.Listener
	Relay     func() (net.Listener, error)
}

func (s *Server) setup() { s.Addr = os.Getenv("SETUP_ADDR") }

func (s *Server) ListenAndServe() error { // want ListenAndServe:`serves`
	if s.Listener != nil {
		return http.Serve(s.Listener, s.Handler)
	}
	return http.ListenAndServe(s.Addr, s.Handler)
}

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

// Negatives of the shapes above (a reviewer's probes): none of these is a
// listen API of its own.

// WithDefaults puts an option in when it is given none.
func WithDefaults(addr string, opts ...Option) error {
	if len(opts) == 0 {
		opts = []Option{WithAddr(os.Getenv("ADDR"))}
	}
	srv := &Server{Addr: addr}
	for _, o := range opts {
		o(srv)
	}
	return srv.ListenAndServe()
}

// StartDefault's constant is a default its options may override.
func StartDefault(opts ...Option) error { // want StartDefault:`^serves$`
	srv := &Server{Addr: ":8080"}
	for _, o := range opts {
		o(srv)
	}
	return srv.ListenAndServe()
}

// ServeEach starts a server per option: none without one.
func ServeEach(addr string, opts ...Option) {
	for _, o := range opts {
		srv := &Server{Addr: addr}
		o(srv)
		go srv.ListenAndServe()
	}
}

// RunElem, RunCopy and RunSorted change the elements of their variadic
// parameter before they listen on the first.
func RunElem(addr ...string) error { // want RunElem:`serves`
	if v := os.Getenv("ADDR"); v != "" {
		addr[0] = v
	}
	return http.ListenAndServe(addr[0], nil)
}

func RunCopy(addr ...string) error { // want RunCopy:`serves`
	copy(addr, []string{os.Getenv("ADDR")})
	return http.ListenAndServe(addr[0], nil)
}

func RunSorted(addr ...string) error { // want RunSorted:`serves`
	sort.Strings(addr)
	return http.ListenAndServe(addr[0], nil)
}

// Both listens on its address whatever the options do to the server it
// also starts: a listen API in every call.
func Both(addr string, opts ...Option) error { // want Both:`sink: param 0 address of http\.ListenAndServe` Both:`serves`
	srv := &Server{Addr: addr}
	for _, o := range opts {
		o(srv)
	}
	go srv.ListenAndServe()
	return http.ListenAndServe(addr, nil)
}

// Go starts a component in the background and hands back its error.
func Go(c Component) <-chan error {
	errc := make(chan error, 1)
	go func() { errc <- c.Start() }()
	return errc
}

// AltServer's reader reads fields other than its address: options that
// write them may move it, whatever their names and types say.
type AltServer struct {
	Addr     string // want Addr:`sink: address of http\.ListenAndServe`
	Alt      string // want Alt:`sink: address of http\.ListenAndServe`
	Disabled bool
	Timeout  int
}

// AltOption changes an AltServer.
type AltOption func(*AltServer)

func WithAlt(a string) AltOption { return func(s *AltServer) { s.Alt = a } } // want WithAlt:`option writes sinks/shapes\.Alt` WithAlt:`sink: param 0 address of http\.ListenAndServe`

func WithDisabled() AltOption { return func(s *AltServer) { s.Disabled = true } } // want WithDisabled:`option writes sinks/shapes\.Disabled`

// WithAltTimeout writes a field nothing reads: a call passing it is a site.
func WithAltTimeout(n int) AltOption { return func(s *AltServer) { s.Timeout = n } } // want WithAltTimeout:`option writes sinks/shapes\.Timeout`

// WithDeferred's deferred function replaces the option it returns: no fact.
func WithDeferred(a string) (o AltOption) { // want WithDeferred:`sink: param 0 address of http\.ListenAndServe`
	defer func() { o = func(s *AltServer) { s.Addr = a } }()
	return func(s *AltServer) {}
}

var override string

// WithGlobal writes a variable the reader reads: no fact.
func WithGlobal(a string) AltOption { return func(s *AltServer) { override = a } } // want WithGlobal:`sink: param 0 address of http\.ListenAndServe`

func (s *AltServer) ListenAndServe() error { // want ListenAndServe:`serves`
	if s.Disabled {
		return nil
	}
	addr := s.Addr
	if s.Alt != "" {
		addr = s.Alt
	}
	if override != "" {
		addr = override
	}
	return http.ListenAndServe(addr, nil)
}

func ListenAlt(addr string, opts ...AltOption) error { // want ListenAlt:`sink: param 0 address, in calls passing no variadic argument, of http\.ListenAndServe` ListenAlt:`serves`
	srv := &AltServer{Addr: addr}
	for _, o := range opts {
		o(srv)
	}
	return srv.ListenAndServe()
}
