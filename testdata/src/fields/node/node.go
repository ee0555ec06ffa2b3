// Package node keeps a host and a port in two fields, joined and
// resolved before the listen.
package node

import (
	"fmt"
	"net"
)

type Node struct {
	ip   string
	port int
}

func New(ip string, port int) *Node { return &Node{ip: ip, port: port} } // want New:`sink: param 0 host of net\.ListenTCP, param 1 port of net\.ListenTCP`

func (n *Node) Start() error { // want Start:`serves`
	a, err := net.ResolveTCPAddr("tcp", fmt.Sprintf("%s:%d", n.ip, n.port))
	if err != nil {
		return err
	}
	l, err := net.ListenTCP("tcp", a)
	if err != nil {
		return err
	}
	defer l.Close()
	for {
		c, err := l.Accept()
		if err != nil {
			return err
		}
		c.Close()
	}
}
