// Package quic is a stub of github.com/quic-go/quic-go v0.65.0: the listen
// functions with their real parameter lists.
package quic

import (
	"crypto/tls"
	"net"
)

// Config configures QUIC.
type Config struct{}

// Listener accepts QUIC connections.
type Listener struct{}

// EarlyListener accepts QUIC connections before the handshake completes.
type EarlyListener struct{}

func ListenAddr(addr string, tlsConf *tls.Config, config *Config) (*Listener, error) { return nil, nil }
func ListenAddrEarly(addr string, tlsConf *tls.Config, config *Config) (*EarlyListener, error) {
	return nil, nil
}
func Listen(conn net.PacketConn, tlsConf *tls.Config, config *Config) (*Listener, error) {
	return nil, nil
}
