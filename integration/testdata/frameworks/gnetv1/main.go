// Command gnetv1 starts gnet v1 servers: the scheme is optional.
package main

import (
	"log"
	"os"

	"github.com/panjf2000/gnet"
)

type echo struct{ *gnet.EventServer }

func (e *echo) React(frame []byte, c gnet.Conn) (out []byte, action gnet.Action) {
	return frame, gnet.None
}

func main() {
	h := &echo{}
	go func() { log.Fatal(gnet.Serve(h, "udp://:9100")) }()     // portlint:want
	log.Fatal(gnet.Serve(h, ":9100", gnet.WithMulticore(true))) // portlint:want
}

func negatives() {
	h := &echo{}
	_ = gnet.Serve(h, "unix:///tmp/gnet.sock")
	_ = gnet.Serve(h, "tcp://:"+os.Getenv("PORT"))
}
