// Package http3 is a stub of github.com/quic-go/quic-go/http3 v0.65.0: the
// Server type and the listen functions with their real parameter lists.
package http3

import (
	"crypto/tls"
	"net"
	"net/http"

	"github.com/quic-go/quic-go"
)

// Server is an HTTP/3 server.
type Server struct {
	Addr       string
	Port       int
	TLSConfig  *tls.Config
	QUICConfig *quic.Config
	Handler    http.Handler
}

func (s *Server) ListenAndServe() error                            { return nil }
func (s *Server) ListenAndServeTLS(certFile, keyFile string) error { return nil }
func (s *Server) Serve(conn net.PacketConn) error                  { return nil }

func ListenAndServeQUIC(addr, certFile, keyFile string, handler http.Handler) error { return nil }
func ListenAndServeTLS(addr, certFile, keyFile string, handler http.Handler) error  { return nil }
