// Command node starts its one node on a loopback host and a constant
// port.
package main

import (
	"log"

	"fieldmod/node"
)

func main() {
	n := node.New("127.0.0.1", 7100)
	log.Fatal(n.Start())
}
