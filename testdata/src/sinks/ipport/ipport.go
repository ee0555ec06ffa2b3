// Package ipport builds an address struct from a host and a port passed
// apart, as DNS and game servers do.
package ipport

import (
	"net"
)

func ListenUDP(host string, port int) (*net.UDPConn, error) { // want ListenUDP:`sink: param 0 host of net\.ListenUDP, param 1 port of net\.ListenUDP` ListenUDP:`serves`
	return net.ListenUDP("udp", &net.UDPAddr{IP: net.ParseIP(host), Port: port})
}

func ListenTCP(host string, port int) (*net.TCPListener, error) { // want ListenTCP:`sink: param 0 host of net\.ListenTCP, param 1 port of net\.ListenTCP` ListenTCP:`serves`
	addr := &net.TCPAddr{IP: net.ParseIP(host), Port: port}
	return net.ListenTCP("tcp", addr)
}

// AnyHost listens on every interface, on the port its callers pass.
func AnyHost(port int) (*net.TCPListener, error) { // want AnyHost:`sink: param 0 port of net\.ListenTCP` AnyHost:`serves`
	return net.ListenTCP("tcp", &net.TCPAddr{Port: port})
}

// Resolved takes its IP from elsewhere: the host is not followed, the
// port is.
func Resolved(ip net.IP, port int) (*net.TCPListener, error) { // want Resolved:`sink: param 1 port of net\.ListenTCP` Resolved:`serves`
	return net.ListenTCP("tcp", &net.TCPAddr{IP: ip, Port: port})
}

// Fixed has its own constant address: a finding here, as before.
func Fixed() (*net.TCPListener, error) { // want Fixed:`serves on port 7400`
	return net.ListenTCP("tcp", &net.TCPAddr{IP: net.ParseIP("127.0.0.1"), Port: 7400}) // want `net\.ListenTCP listens on hard-coded port 7400 and loopback host "127\.0\.0\.1"`
}
