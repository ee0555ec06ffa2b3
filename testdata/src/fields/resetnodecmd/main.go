// Command nodecmd serves a node on $PORT and resets peers it never
// listens on, held in a variable or not.
package main

import (
	"log"
	"os"

	node "fields/resetnode"
)

func main() {
	peer := &node.Node{Addr: "10.0.0.2:7000"}
	peer.Reset()
	// A pointer method that reads no address may change it, as for peer:
	// no server.
	(&node.Node{Addr: "10.0.0.3:7000"}).Reset()
	self := node.Node{Addr: ":" + os.Getenv("PORT")}
	log.Fatal(self.Serve())
}
