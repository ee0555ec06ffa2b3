// Package ipport builds an address struct from a host and a port passed
// apart, as DNS and game servers do.
package ipport

import (
	"net"
	"net/netip"
	"os"
	"strconv"
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

// Netip builds its address with net/netip.
func Netip(host string, port int) (*net.UDPConn, error) { // want Netip:`sink: param 0 host of net\.ListenUDP, param 1 port of net\.ListenUDP` Netip:`serves`
	ap := netip.AddrPortFrom(netip.MustParseAddr(host), uint16(port))
	return net.ListenUDP("udp", net.UDPAddrFromAddrPort(ap))
}

// NetipAny listens on every interface.
func NetipAny(port uint16) (*net.TCPListener, error) { // want NetipAny:`sink: param 0 port of net\.ListenTCP` NetipAny:`serves`
	return net.ListenTCP("tcp", net.TCPAddrFromAddrPort(netip.AddrPortFrom(netip.IPv4Unspecified(), port)))
}

// NetipParsed parses its whole address.
func NetipParsed(addr string) (*net.TCPListener, error) { // want NetipParsed:`sink: param 0 address of net\.ListenTCP` NetipParsed:`serves`
	return net.ListenTCP("tcp", net.TCPAddrFromAddrPort(netip.MustParseAddrPort(addr)))
}

// NetipFixed has its own constant address: a finding, without a fix.
func NetipFixed() (*net.TCPListener, error) { // want NetipFixed:`serves on port 7404`
	return net.ListenTCP("tcp", net.TCPAddrFromAddrPort(netip.MustParseAddrPort("127.0.0.1:7404"))) // want `net\.ListenTCP listens on hard-coded port 7404 and loopback host "127\.0\.0\.1"`
}

// Local binds loopback itself; its callers pass the port.
func Local(port int) (*net.TCPListener, error) { // want Local:`sink: param 0 port of net\.ListenTCP` Local:`serves`
	return net.ListenTCP("tcp", &net.TCPAddr{IP: net.ParseIP("127.0.0.1"), Port: port}) // want `net\.ListenTCP listens on loopback host "127\.0\.0\.1", unreachable from outside the container`
}

// Overridden changes its address after building it: not followed.
func Overridden(host string, port int) (*net.TCPListener, error) { // want Overridden:`serves`
	addr := &net.TCPAddr{IP: net.ParseIP(host), Port: port}
	if p, err := strconv.Atoi(os.Getenv("PORT")); err == nil {
		addr.Port = p
	}
	return net.ListenTCP("tcp", addr)
}
