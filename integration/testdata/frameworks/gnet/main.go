// Command gnet starts gnet v2 engines; the network is the address's
// scheme.
package main

import (
	"log"
	"os"

	"github.com/panjf2000/gnet/v2"
)

type echo struct{ gnet.BuiltinEventEngine }

func (e *echo) OnTraffic(c gnet.Conn) gnet.Action {
	buf, _ := c.Next(-1)
	_, _ = c.Write(buf)
	return gnet.None
}

func main() {
	h := &echo{}
	log.Fatal(gnet.Run(h, "tcp://:9000", gnet.WithMulticore(true))) // portlint:want
	log.Fatal(gnet.Run(h, "udp://localhost:9001"))                  // portlint:want
	log.Fatal(gnet.Rotate(h, []string{
		"tcp://:9002",           // portlint:want
		"tcp4://127.0.0.1:9003", // portlint:want
	}))
}

func negatives(addrs []string) {
	h := &echo{}
	_ = gnet.Run(h, "unix:///tmp/gnet.sock")
	_ = gnet.Run(h, os.Getenv("ADDR"))
	_ = gnet.Run(h, "tcp://:"+os.Getenv("PORT"))
	_ = gnet.Rotate(h, addrs)
}
