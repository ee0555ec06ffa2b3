// Package main serves with gnet v1: the scheme is optional (tcp without
// one), and says the transport.
package main

import (
	"flag"
	"log"
	"os"

	"github.com/panjf2000/gnet"
)

type echo struct{ *gnet.EventServer }

var addr = flag.String("addr", ":9000", "the address to serve on")

func main() {
	flag.Parse()
	h := &echo{}
	go gnet.Serve(h, "udp://:9100")                             // want `gnet\.Serve listens on hard-coded port 9100: the platform routes only \$PORT`
	log.Fatal(gnet.Serve(h, ":9100", gnet.WithMulticore(true))) // want `gnet\.Serve listens on hard-coded port 9100: read the port from \$PORT`
}

// clash: two TCP servers on one port, the first still listening.
func clash() {
	h := &echo{}
	go gnet.Serve(h, "tcp://:9200")          // want `gnet\.Serve listens on hard-coded port 9200: the platform routes only \$PORT`
	log.Fatal(gnet.Serve(h, "tcp4://:9200")) // want `gnet\.Serve listens on hard-coded port 9200: read the port from \$PORT` `gnet\.Serve can take the port of an earlier gnet\.Serve, which is still listening \(both on port 9200\)`
}

func negatives() {
	h := &echo{}
	_ = gnet.Serve(h, "unix:///tmp/gnet.sock")
	_ = gnet.Serve(h, *addr)
	_ = gnet.Serve(h, "tcp://:"+os.Getenv("PORT"))
}
