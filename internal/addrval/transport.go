package addrval

import "strings"

// Transport is the set of transport protocols a server listens on; zero
// is unknown (any). A TCP and a UDP server can hold one port number at
// once (http3.ListenAndServeTLS serves HTTP/1 and 2 on TCP and HTTP/3 on
// UDP), so only servers whose transports overlap can collide.
type Transport uint8

const (
	TCP Transport = 1 << iota
	UDP
)

// TransportOf says what a network name listens on: tcp6 on TCP, udp on
// UDP, nothing known for others (ip4:1, unix).
func TransportOf(network string) Transport {
	switch {
	case strings.HasPrefix(network, "tcp"):
		return TCP
	case strings.HasPrefix(network, "udp"):
		return UDP
	}
	return 0
}

// Overlaps reports whether two servers can listen on one transport.
func (t Transport) Overlaps(u Transport) bool { return t == 0 || u == 0 || t&u != 0 }
