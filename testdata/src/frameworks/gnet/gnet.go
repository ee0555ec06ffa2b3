// Package main serves with gnet v2 in the ways real programs do: the
// network is the address's scheme.
package main

import (
	"flag"
	"fmt"
	"log"
	"os"

	"github.com/panjf2000/gnet/v2"
)

type echo struct{ gnet.BuiltinEventEngine }

var (
	addr    = flag.String("addr", "tcp://:9000", "the address to serve on")
	network = flag.String("network", "tcp", "tcp, udp or unix")
	host    = flag.String("host", "", "the host to bind")
)

const udpAddr = "udp://localhost:9001"

func main() {
	flag.Parse()
	h := &echo{}
	log.Fatal(gnet.Run(h, "tcp://:9000", gnet.WithMulticore(true)))               // want `gnet\.Run listens on hard-coded port 9000: read the port from \$PORT`
	log.Fatal(gnet.Run(h, udpAddr))                                               // want `gnet\.Run listens on hard-coded port 9001 and loopback host "localhost": read the port from \$PORT and bind 0\.0\.0\.0`
	log.Fatal(gnet.Run(h, fmt.Sprintf("tcp6://[::1]:%d", 9002)))                  // want `gnet\.Run listens on hard-coded port 9002 and loopback host "::1"`
	log.Fatal(gnet.Run(h, "tcp://localhost:"+os.Getenv("PORT")))                  // want `gnet\.Run listens on loopback host "localhost", unreachable from outside the container: bind 0\.0\.0\.0`
	log.Fatal(gnet.Rotate(h, []string{"tcp://:9003", "tcp4://127.0.0.1:9004"}))   // want `gnet\.Rotate listens on hard-coded port 9003: read the port from \$PORT` `gnet\.Rotate listens on hard-coded port 9004: the platform routes only \$PORT, to the primary server gnet\.Run \(gnet\.go:\d+\); read this listener's port from \$PORT_9004`
	log.Fatal(gnet.Run(h, fmt.Sprintf("tcp://127.0.0.1:%s", os.Getenv("PORT"))))  // want `gnet\.Run listens on loopback host "127\.0\.0\.1"`
	log.Fatal(gnet.Run(h, "tcp://"+*host+":9005"))                                // want `gnet\.Run listens on hard-coded port 9005: read the port from \$PORT`
	log.Fatal(gnet.Run(h, "tcp://:"+os.Getenv("PORT"), gnet.WithReusePort(true))) // reads $PORT
}

func negatives(addrs []string) {
	h := &echo{}
	_ = gnet.Run(h, "unix:///tmp/gnet.sock") // a unix socket
	_ = gnet.Run(h, *addr)                   // a flag
	_ = gnet.Run(h, *network+"://:9000")     // a network from a flag may be unix
	_ = gnet.Run(h, "tcp://:0")              // any free port
	_ = gnet.Run(h, "tcp://:9000/path")      // gnet rejects a path
	_ = gnet.Rotate(h, addrs)                // not seen
	_ = gnet.Rotate(h, []string{"unix:///tmp/a.sock", "tcp://:" + os.Getenv("PORT")})
}
