// Command nbio starts an nbio engine on the addresses of its
// configuration.
package main

import (
	"log"
	"os"

	"github.com/lesismal/nbio"
)

func main() {
	engine := nbio.NewEngine(nbio.Config{
		Network: "tcp",
		Addrs: []string{
			"localhost:8888", // portlint:want
			":8889",          // portlint:want
		},
	})
	engine.OnData(func(c *nbio.Conn, data []byte) { _, _ = c.Write(data) })
	if err := engine.Start(); err != nil {
		log.Fatal(err)
	}
	defer engine.Stop()
	select {}
}

func negatives() {
	nbio.NewEngine(nbio.Config{Addrs: []string{":8890"}})
	nbio.NewEngine(nbio.Config{Network: nbio.NETWORK_UNIX, Addrs: []string{"/tmp/nbio.sock"}})
	nbio.NewEngine(nbio.Config{Network: "tcp", Addrs: []string{":" + os.Getenv("PORT")}})
}
