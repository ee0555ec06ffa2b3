package peer // want package:`has exported address variables`

// A cluster member: a Node listens on its own address and dials its
// peers' addresses, kept in the same field.

import "net"

type Node struct {
	ID   string
	Addr string // want Addr:`holds "10\.0\.0\.2:7000" or "10\.0\.0\.3:7000"` Addr:`sink: address of net\.Listen`
}

// Serve listens on the node's own address.
func (n Node) Serve() error { // want Serve:`serves`
	ln, err := net.Listen("tcp", n.Addr)
	if err != nil {
		return err
	}
	return ln.Close()
}

// Ping dials the node: a client of its address.
func (n Node) Ping() error {
	c, err := net.Dial("tcp", n.Addr)
	if err != nil {
		return err
	}
	return c.Close()
}

// Gossip pings the seeds: clients, in the package that listens.
func Gossip() {
	for _, s := range []Node{{Addr: "10.0.0.2:7000"}} {
		s.Ping()
	}
	Node{Addr: "10.0.0.3:7000"}.Ping()
}
