package dnsfiles

import "log"

type Handler interface{ ServeDNS() }

// Server listens on Addr, ":domain" if empty, on the network Net names.
type Server struct {
	Addr    string // want Addr:`sink: address of net.ListenConfig.Listen`
	Net     string
	Handler Handler
}

func (srv *Server) ListenAndServe() error {
	addr := srv.Addr
	if addr == "" {
		addr = ":domain"
	}
	switch srv.Net {
	case "tcp", "tcp4", "tcp6":
		l, err := listenTCP(srv.Net, addr)
		if err != nil {
			return err
		}
		return l.Close()
	}
	p, err := listenUDP(srv.Net, addr)
	if err != nil {
		return err
	}
	return p.Close()
}

// ListenAndServe starts a fresh Server on its parameter, as dns's does.
func ListenAndServe(addr string, network string, handler Handler) error { // want ListenAndServe:`serves` ListenAndServe:`sink: param 0 address of net.ListenConfig.Listen`
	server := &Server{Addr: addr, Net: network, Handler: handler}
	return server.ListenAndServe()
}

// Unstarted fills a Server it never starts, Logged only prints one:
// neither parameter is a sink.
func Unstarted(addr string) string {
	s := &Server{Addr: addr, Net: "tcp"}
	return s.Net
}

func Logged(addr string) {
	log.Println(Server{Addr: addr})
}

// Default calls the sink in the file that declares it.
func Default() error { // want Default:`serves on port 5300`
	return ListenAndServe(":5300", "udp", nil) // want `dnsfiles\.ListenAndServe listens on hard-coded port 5300`
}
