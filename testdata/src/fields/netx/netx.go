// Package netx listens and dials where an endpoint says: only Listen
// takes its address to a listener.
package netx

import "net"

type Endpoint struct{ Network, Addr string } // want Addr:`sink: address of net\.Listen`

func Listen(e Endpoint) (net.Listener, error) { return net.Listen(e.Network, e.Addr) }

func Dial(e Endpoint) (net.Conn, error) { return net.Dial(e.Network, e.Addr) }

// Serve listens through Listen: its parameter reaches a listener too.
func Serve(e Endpoint) error {
	ln, err := Listen(e)
	if err != nil {
		return err
	}
	return ln.Close()
}
