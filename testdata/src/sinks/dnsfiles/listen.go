// Package dnsfiles is laid out as github.com/miekg/dns is: the listeners
// are in a file that comes before the one declaring the Server that calls
// them, so the Addr sink is learned before the later file is walked.
package dnsfiles

import (
	"context"
	"net"
)

func listenTCP(network, addr string) (net.Listener, error) {
	var lc net.ListenConfig
	return lc.Listen(context.Background(), network, addr)
}

func listenUDP(network, addr string) (net.PacketConn, error) {
	var lc net.ListenConfig
	return lc.ListenPacket(context.Background(), network, addr)
}
