// Package kit is a framework in kratos's shape: a transport server built
// from options, run by an app that starts each of its servers.
package kit

import (
	"net"
	"net/http"
)

// Server is a transport server.
type Server struct {
	address string
	handler http.Handler
}

// ServerOption sets an option of a Server.
type ServerOption func(*Server)

// Address sets the address the server listens on.
func Address(addr string) ServerOption { return func(s *Server) { s.address = addr } } // want Address:`sink: param 0 address of net\.Listen`

func NewServer(opts ...ServerOption) *Server {
	s := &Server{handler: http.NotFoundHandler()}
	for _, o := range opts {
		o(s)
	}
	return s
}

func (s *Server) Start() error { // want Start:`serves`
	lis, err := net.Listen("tcp", s.address)
	if err != nil {
		return err
	}
	return http.Serve(lis, s.handler)
}

// App runs servers until one fails.
type App struct{ servers []*Server }

func New(servers ...*Server) *App { return &App{servers: servers} }

func (a *App) Run() error {
	errc := make(chan error, len(a.servers))
	for _, s := range a.servers {
		go func() { errc <- s.Start() }()
	}
	return <-errc
}
