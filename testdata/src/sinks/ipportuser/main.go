// Command ipportuser passes hosts and ports apart to package ipport.
package main

import (
	"log"
	"net/http"
	"os"

	"sinks/ipport"
)

func main() {
	go ipport.ListenUDP("0.0.0.0", 5300)       // want `ipport\.ListenUDP listens on hard-coded port 5300: the platform routes only \$PORT`
	go ipport.ListenTCP("127.0.0.1", 7401)     // want `ipport\.ListenTCP listens on hard-coded port 7401: the platform routes only \$PORT`
	go ipport.ListenTCP(os.Getenv("HOST"), 0)  // port 0: any free port
	go ipport.ListenUDP(os.Getenv("HOST"), 53) // want `ipport\.ListenUDP listens on hard-coded port 53: the platform routes only \$PORT`
	go ipport.AnyHost(7402)                    // want `ipport\.AnyHost listens on hard-coded port 7402: the platform routes only \$PORT`
	go more()
	go ipport.Resolved(nil, 7403)                  // want `ipport\.Resolved listens on hard-coded port 7403: the platform routes only \$PORT`
	ln, err := ipport.ListenTCP("127.0.0.1", 8080) // want `ipport\.ListenTCP listens on hard-coded port 8080 and loopback host "127\.0\.0\.1": read the port from \$PORT and bind 0\.0\.0\.0`
	if err != nil {
		log.Fatal(err)
	}
	log.Fatal(http.Serve(ln, nil))
}

// more's servers start later; a uint16 port is converted.
func more() {
	go ipport.Netip("0.0.0.0", 7405) // want `ipport\.Netip listens on hard-coded port 7405: the platform routes only \$PORT`
	go ipport.NetipAny(7406)         // want `ipport\.NetipAny listens on hard-coded port 7406: the platform routes only \$PORT`
	go ipport.NetipParsed(":7407")   // want `ipport\.NetipParsed listens on hard-coded port 7407: the platform routes only \$PORT`
	go ipport.NetipParsed(os.Getenv("ADDR"))
	go ipport.Overridden("0.0.0.0", 7409)
	go ipport.Local(7408) // want `ipport\.Local listens on hard-coded port 7408: the platform routes only \$PORT`
}
