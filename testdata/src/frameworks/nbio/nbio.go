// Package main serves with nbio: Config.Addrs lists the addresses the
// engine listens on, on the network of Config.Network.
package main

import (
	"flag"
	"log"
	"os"

	"github.com/lesismal/nbio"
)

var addr = flag.String("addr", ":8888", "the address to serve on")

func main() {
	flag.Parse()
	engine := nbio.NewEngine(nbio.Config{
		Network: "tcp",
		Addrs:   []string{"localhost:8888", ":8889"}, // want `nbio\.Config\.Addrs listens on hard-coded port 8888 and loopback host "localhost": read the port from \$PORT and bind 0\.0\.0\.0` `nbio\.Config\.Addrs listens on hard-coded port 8889: the platform routes only \$PORT`
	})
	if err := engine.Start(); err != nil {
		log.Fatal(err)
	}
	select {}
}

func negatives(network string) {
	nbio.NewEngine(nbio.Config{Addrs: []string{":8890"}})                                   // no network: no listener
	nbio.NewEngine(nbio.Config{Network: nbio.NETWORK_UNIX, Addrs: []string{"/tmp/a.sock"}}) // a unix socket
	nbio.NewEngine(nbio.Config{Network: network, Addrs: []string{":8891"}})                 // may be unix
	nbio.NewEngine(nbio.Config{Network: "tcp", Addrs: []string{*addr, os.Getenv("ADDR")}})
	conf := nbio.Config{Network: "tcp"}
	conf.Addrs = []string{":8892"} // the network is not seen with it
	nbio.NewEngine(conf)
}
