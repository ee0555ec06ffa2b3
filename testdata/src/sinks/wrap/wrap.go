// Package wrap makes its listeners through a callback, and through a
// server whose network is a field and whose empty address has a default.
package wrap

import (
	"context"
	"net"
)

type Fds struct{ lc net.ListenConfig }

func (f *Fds) newListener(network, addr string) (net.Listener, error) {
	return f.lc.Listen(context.Background(), network, addr)
}

// Listen relays its address to a callback that listens.
func (f *Fds) Listen(network, addr string) (net.Listener, error) { // want Listen:`serves` Listen:`sink: param 1 address of net.ListenConfig.Listen`
	return f.ListenWithCallback(network, addr, f.newListener)
}

func (f *Fds) ListenWithCallback(network, addr string, callback func(network, addr string) (net.Listener, error)) (net.Listener, error) {
	return callback(network, addr)
}

// Upgrader embeds Fds: its Listen is promoted.
type Upgrader struct {
	*Fds
}

func New() *Upgrader { return &Upgrader{Fds: &Fds{}} }

// Server listens on Addr, with a default for an empty one, on the
// network Net names.
type Server struct {
	Addr string // want Addr:`sink: address of net.Listen`
	Net  string
}

func (srv *Server) ListenAndServe() error {
	addr := srv.Addr
	if addr == "" {
		addr = ":domain"
	}
	switch srv.Net {
	case "tcp", "tcp4", "tcp6":
		ln, err := listenTCP(srv.Net, addr)
		if err != nil {
			return err
		}
		return ln.Close()
	}
	return nil
}

func listenTCP(network, addr string) (net.Listener, error) {
	return net.Listen(network, addr)
}

// ListenAndServe fills a Server.
func ListenAndServe(addr, network string) error { // want ListenAndServe:`serves` ListenAndServe:`sink: param 0 address of net.Listen`
	server := &Server{Addr: addr, Net: network}
	return server.ListenAndServe()
}
