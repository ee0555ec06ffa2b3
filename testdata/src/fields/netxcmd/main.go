// Command netxcmd listens on one endpoint and dials another: the dialed
// address is a client's, never reported.
package main

import (
	"log"

	"fields/netx"
)

func main() {
	c, err := netx.Dial(netx.Endpoint{Network: "tcp", Addr: "127.0.0.1:5432"})
	if err == nil {
		c.Close()
	}
	db := netx.Endpoint{Network: "tcp", Addr: "127.0.0.1:6379"}
	if c, err := netx.Dial(db); err == nil {
		c.Close()
	}
	ln, err := netx.Listen(netx.Endpoint{Network: "tcp", Addr: ":8080"}) // want `netx\.Endpoint\.Addr listens on hard-coded port 8080: read the port from \$PORT`
	if err != nil {
		log.Fatal(err)
	}
	ln.Close()
}

// A function passing its endpoint to Listen listens on it.
func serve() {
	log.Fatal(netx.Serve(netx.Endpoint{Network: "tcp", Addr: ":8081"})) // want `netx\.Endpoint\.Addr listens on hard-coded port 8081: read the port from \$PORT`
}
