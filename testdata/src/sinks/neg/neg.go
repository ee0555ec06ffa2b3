// Package neg calls the sinks of package server with what is not provably
// hard-coded, and the helpers that are not sinks: nothing is reported.
package neg

import (
	"flag"
	"fmt"
	"log"
	"os"

	"sinks/server"
)

var addr = flag.String("addr", ":8080", "listen address")

type settings struct{ Listen string } // want Listen:`sink: address of net.Listen`

func load() settings { return settings{Listen: os.Getenv("LISTEN")} }

func configured(cfgAddr string) {
	go server.Run(os.Getenv("ADDR"))
	go server.Run(*addr)
	go server.Run(cfgAddr)
	go server.Run(":0")
	go server.ServeOn(0, nil)
	s := server.New(server.Config{Addr: load().Listen})
	go s.Start()
	go server.NewServer(server.Address(os.Getenv("OPTIONS_ADDR"))).Start()
}

// Formatting, logging and dialing an address are not listening.
func notListening() {
	log.Print(server.Describe(":8080"))
	fmt.Println(server.Describe("localhost:9090"))
	server.Dial("localhost:8080")
}

// A literal whose field is overwritten from the environment holds a
// default, not the address.
func overwritten() {
	cfg := server.Config{Addr: ":8080"}
	if v := os.Getenv("ADDR"); v != "" {
		cfg.Addr = v
	}
	go server.New(cfg).Start()

	p := &server.Config{Addr: ":8081"}
	apply(p)
	go server.New(*p).Start()
}

func apply(c *server.Config) { c.Addr = os.Getenv("ADDR") }

// A server started later, by a call the pass cannot place, may never run
// beside the others: no collision is reported.
func later() {
	go server.Run(os.Getenv("ADDR"))
	go server.NewServer(server.Address(os.Getenv("ADDR"))).Start()
}

// A variable only ever read field by field passes no value to the sink's
// reader: its reads are judged where they are listen sites.
func readByField() {
	var d server.Config
	d.Addr = ":8080"
	log.Print(d.Addr)
}

// Overwrite never uses its caller's value: the callee's own is reported
// there.
func overwritten2() {
	go server.Overwrite(":9099")
}

// A configuration only printed or encoded by another package never
// reaches the sink's reader.
func printed() {
	cfg := server.Config{Addr: ":8080"}
	log.Print(cfg)
	fmt.Println(server.Config{Addr: ":8081"})
}
