// Package node is a cluster member that listens on its own address and
// dials its peers', kept in the same field; Reset, a pointer method,
// only forgets its name.
package node

import "net"

type Node struct {
	Name string
	Addr string // want Addr:`sink: address of net\.Listen`
}

// Serve listens on the node's own address.
func (n Node) Serve() error { // want Serve:`serves`
	ln, err := net.Listen("tcp", n.Addr)
	if err != nil {
		return err
	}
	return ln.Close()
}

// Ping dials the node.
func (n Node) Ping() error {
	c, err := net.Dial("tcp", n.Addr)
	if err != nil {
		return err
	}
	return c.Close()
}

// Reset forgets the node's name.
func (n *Node) Reset() { n.Name = "" }
