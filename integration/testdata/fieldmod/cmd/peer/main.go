// Command peer serves its own node and pings its peers: only the node it
// serves is a server; the peers' loopback addresses are only dialed.
package main

import (
	"log"

	"fieldmod/cluster"
)

func main() {
	peers := []cluster.Node{{Addr: "127.0.0.1:7002"}, {Addr: "127.0.0.1:7003"}}
	for _, p := range peers {
		if err := p.Ping(); err != nil {
			log.Print(err)
		}
	}
	self := cluster.Node{Addr: ":7946"}
	log.Fatal(self.Serve())
}
