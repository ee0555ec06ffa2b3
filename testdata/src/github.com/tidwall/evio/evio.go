// Package evio is a stub of github.com/tidwall/evio v1.0.8: Serve with its
// real parameter list, listening on every address at once. An address
// may name its network as a scheme ("udp://:5000"); without one it is tcp.
package evio

// Action is what an event asks of the server.
type Action int

// Conn is a connection.
type Conn interface{ Context() interface{} }

// Events are the server's callbacks.
type Events struct {
	NumLoops int
	Data     func(c Conn, in []byte) (out []byte, action Action)
}

func Serve(events Events, addr ...string) error { return nil }
