// Command peercmd serves its own node on $PORT and pings its peers: the
// peers' addresses are only dialed, never listened on.
package main

import (
	"log"
	"os"

	"fields/peer"
)

func main() {
	self := peer.Node{ID: os.Getenv("NODE_ID"), Addr: ":" + os.Getenv("PORT")}
	peers := []peer.Node{
		{ID: "b", Addr: "10.0.0.2:7000"},
		{ID: "c", Addr: "10.0.0.3:7000"},
	}
	for _, p := range peers {
		if err := p.Ping(); err != nil {
			log.Print(err)
		}
	}
	seed := peer.Node{Addr: "10.0.0.9:7000"}
	if err := seed.Ping(); err != nil {
		log.Print(err)
	}
	if err := (peer.Node{Addr: "10.0.0.8:7000"}).Ping(); err != nil {
		log.Print(err)
	}
	log.Fatal(self.Serve())
}

// fixed serves a node of its own on a constant address.
func fixed() {
	nodes := []peer.Node{{Addr: ":7946"}} // want `peer\.Node\.Addr listens on hard-coded port 7946: read the port from \$PORT`
	for _, n := range nodes {
		log.Fatal(n.Serve())
	}
}

// ranged serves the one node of a list it ranges over in place.
func ranged() {
	for _, n := range []peer.Node{{Addr: ":7947"}} { // want `peer\.Node\.Addr listens on hard-coded port 7947: read the port from \$PORT`
		log.Fatal(n.Serve())
	}
}
