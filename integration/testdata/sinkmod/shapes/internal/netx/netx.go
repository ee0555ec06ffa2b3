// Package netx joins a host and a port passed apart into an address
// struct, deep inside package shapes, as go-zero's internal packages do.
package netx

import "net"

// Listen listens on host and port.
func Listen(host string, port int) (net.Listener, error) {
	return net.ListenTCP("tcp", &net.TCPAddr{IP: net.ParseIP(host), Port: port})
}
