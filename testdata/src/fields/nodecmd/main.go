// Command nodecmd starts its one node on a loopback host and a constant
// port: the primary, told to read $PORT and bind all interfaces.
package main

import (
	"log"

	"fields/node"
)

func main() {
	n := node.New("127.0.0.1", 7100) // want `node\.New listens on hard-coded port 7100 and loopback host "127\.0\.0\.1": read the port from \$PORT and bind 0\.0\.0\.0`
	log.Fatal(n.Start())
}
