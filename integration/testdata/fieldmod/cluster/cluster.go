// Package cluster is a cluster member: a Node listens on its own address
// and dials its peers', kept in the same field.
package cluster

import (
	"io"
	"net"
	"net/http"
	"time"
)

type Node struct{ Addr string }

// Serve listens on the node's own address.
func (n Node) Serve() error {
	ln, err := net.Listen("tcp", n.Addr)
	if err != nil {
		return err
	}
	return http.Serve(ln, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, "hello from peer\n")
	}))
}

// Ping dials the node: a client of its address.
func (n Node) Ping() error {
	c, err := net.DialTimeout("tcp", n.Addr, time.Second)
	if err != nil {
		return err
	}
	return c.Close()
}
