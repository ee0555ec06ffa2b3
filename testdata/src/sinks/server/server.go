// Package server wraps its listeners: the addresses come from its callers,
// through parameters, configuration structs, constructors and options.
package server

import (
	"cmp"
	"fmt"
	"net"
	"net/http"
	"strconv"
)

// Run listens on its parameter.
func Run(addr string) error { // want Run:`serves` Run:`sink: param 0 address of http.ListenAndServe`
	return http.ListenAndServe(addr, nil)
}

// ServeOn takes the port alone.
func ServeOn(port int, h http.Handler) error { // want ServeOn:`serves` ServeOn:`sink: param 0 port of http.ListenAndServe`
	return http.ListenAndServe(":"+strconv.Itoa(port), h)
}

// Config is filled by the caller; Start listens on its Addr.
type Config struct {
	Addr string // want Addr:`sink: address of net.Listen`
	Name string
}

type Server struct {
	cfg Config
	ln  net.Listener
}

func New(cfg Config) *Server { return &Server{cfg: cfg} }

func (s *Server) Start() error { // want Start:`serves`
	ln, err := net.Listen("tcp", s.cfg.Addr)
	if err != nil {
		return err
	}
	s.ln = ln
	return nil
}

// Web is started by value, on a port field.
type Web struct {
	Port int // want Port:`sink: port of http.ListenAndServe`
}

func (w Web) Start() error { // want Start:`serves`
	return http.ListenAndServe(fmt.Sprintf(":%d", w.Port), nil)
}

// NewAPI stores its parameter into a field that Run listens on.
type API struct{ addr string }

func NewAPI(addr string) *API { return &API{addr: addr} } // want NewAPI:`sink: param 0 address of http.ListenAndServe`

func (a *API) Run() error { // want Run:`serves`
	return http.ListenAndServe(a.addr, nil)
}

// Options set the address through a function value.
type Options struct{ address string }

type Option func(*Options)

func Address(a string) Option { return func(o *Options) { o.address = a } } // want Address:`sink: param 0 address of net.Listen`

func NewServer(opts ...Option) *Options {
	o := &Options{}
	for _, f := range opts {
		f(o)
	}
	return o
}

func (o *Options) Start() (net.Listener, error) { // want Start:`serves`
	return net.Listen("tcp", o.address)
}

// Base is embedded: its method is promoted.
type Base struct{}

func (Base) Listen(addr string) (net.Listener, error) { // want Listen:`serves` Listen:`sink: param 0 address of net.Listen`
	return net.Listen("tcp", addr)
}

// Listen returns the listener it makes: its caller serves it.
func Listen(addr string) (net.Listener, error) { // want Listen:`serves` Listen:`sink: param 0 address of net.Listen`
	return net.Listen("tcp", addr)
}

// RunWith takes middlewares after its address.
func RunWith(addr string, mws ...string) error { // want RunWith:`serves` RunWith:`sink: param 0 address of http.ListenAndServe`
	return http.ListenAndServe(addr, nil)
}

// TLS starts a server held in a field, through another name for it.
type TLS struct{ srv *http.Server }

func (t *TLS) Start() error { // want Start:`serves`
	s := t.srv
	s.Addr = ":8443" // want `http\.Server\.Addr listens on hard-coded port 8443`
	return t.srv.ListenAndServe()
}

// ServeDefault gives an empty address a default: a non-empty one is
// still the caller's.
func ServeDefault(addr string) error { // want ServeDefault:`serves` ServeDefault:`sink: param 0 address \(:https where empty\) of http.ListenAndServe`
	if addr == "" {
		addr = ":https"
	}
	return http.ListenAndServe(addr, nil)
}

// NewDefaulted keeps its address for Run, given a default where empty:
// a caller passing none listens on the default.
func NewDefaulted(addr string) *Defaulted { // want NewDefaulted:`sink: param 0 address \(:8090 where empty\) of http.ListenAndServe`
	if addr == "" {
		addr = ":8090"
	}
	return &Defaulted{addr: addr}
}

type Defaulted struct{ addr string }

func (d *Defaulted) Run() error { return http.ListenAndServe(d.addr, nil) } // want Run:`serves`

// ServeOr gives an empty address a default with cmp.Or.
func ServeOr(addr string) error { // want ServeOr:`serves` ServeOr:`sink: param 0 address \(:8091 where empty\) of http.ListenAndServe`
	return http.ListenAndServe(cmp.Or(addr, ":8091"), nil)
}

// Overwrite never uses its caller's value.
func Overwrite(addr string) error { // want Overwrite:`serves`
	addr = ":8444"
	return http.ListenAndServe(addr, nil) // want `http\.ListenAndServe listens on hard-coded port 8444`
}

// ListenUDP resolves its address before it listens.
func ListenUDP(addr string) (*net.UDPConn, error) { // want ListenUDP:`serves` ListenUDP:`sink: param 0 address of net.ListenUDP`
	a, err := net.ResolveUDPAddr("udp", addr)
	if err != nil {
		return nil, err
	}
	return net.ListenUDP("udp", a)
}

// Describe only formats an address, Dial is a client: neither is a sink.
func Describe(addr string) string { return "listening on " + addr }

func Dial(addr string) (net.Conn, error) { return net.Dial("tcp", addr) }
