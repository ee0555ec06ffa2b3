// Package node keeps a host and a port in two fields, joined and
// resolved before the listen.
package node

import (
	"fmt"
	"io"
	"net"
	"net/http"
)

type Node struct {
	ip   string
	port int
}

func New(ip string, port int) *Node { return &Node{ip: ip, port: port} }

// Start listens on the node's address and answers HTTP there.
func (n *Node) Start() error {
	a, err := net.ResolveTCPAddr("tcp", fmt.Sprintf("%s:%d", n.ip, n.port))
	if err != nil {
		return err
	}
	l, err := net.ListenTCP("tcp", a)
	if err != nil {
		return err
	}
	defer l.Close()
	return http.Serve(l, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, "hello from node\n")
	}))
}
