// Package local traces addresses through ranges over literals and local
// struct values.
package local

import (
	"net"
	"net/http"
	"os"
)

type config struct {
	Addr    string // want Addr:`sink: address of http.ListenAndServe`
	Metrics string
}

func (c *config) load() { c.Addr = os.Getenv("ADDR") }

func ranges() {
	for _, a := range []string{":3000", ":3001"} {
		go http.ListenAndServe(a, nil) // want `http\.ListenAndServe starts one server per element of a list, on hard-coded ports 3000 and 3001: the platform routes only \$PORT, to one of these servers; read its port from \$PORT and give each of the others a variable of its own`
	}
	for _, a := range [...]string{"localhost:3002"} {
		go http.ListenAndServe(a, nil) // want `hard-coded port 3002: the platform routes only \$PORT`
	}
	for _, a := range append([]string{":3003"}, os.Args[1:]...) {
		go http.ListenAndServe(a, nil)
	}
	for _, a := range []string{":3004", os.Getenv("ADDR")} {
		go http.ListenAndServe(a, nil)
	}
	// One port on two hosts is two servers too: binding all interfaces
	// twice would collide.
	for _, a := range []string{"127.0.0.1:3005", "[::1]:3005"} {
		go http.ListenAndServe(a, nil) // want `starts one server per element of a list, on hard-coded port 3005: the platform routes only \$PORT, to the primary server http\.ListenAndServe \(local\.go:\d+\); give each of these servers a variable of its own`
	}
}

// A loop that blocks on each server runs one at a time, and a value
// picked in a loop is one server: reading $PORT is right for them.
func oneAtATime() {
	for _, a := range []string{":3010", ":3011"} {
		if err := http.ListenAndServe(a, nil); err != nil { // want `hard-coded port 3010 or 3011: read the port from \$PORT`
			continue
		}
	}
	var last string
	for _, a := range []string{":3012", ":3013"} {
		last = a
	}
	go http.ListenAndServe(last, nil) // want `hard-coded port 80 or 3012 or 3013 \(what an empty address means\): the platform routes only \$PORT`
}

// Local lists frozen the same way: only ranged over, indexed or measured.
func localLists() {
	addrs := []string{":3020", ":3021"}
	for _, a := range addrs {
		go http.ListenAndServe(a, nil) // want `starts one server per element of a list, on hard-coded ports 3020 and 3021: the platform routes only \$PORT, to the primary server`
	}
	one := [1]string{"localhost:3022"}
	if len(one) > 0 {
		http.ListenAndServe(one[0], nil) // want `hard-coded port 3022 and loopback host "localhost": read the port from \$PORT`
	}
	changed := []string{":3023"}
	changed[0] = os.Getenv("ADDR")
	for _, a := range changed {
		go http.ListenAndServe(a, nil)
	}
	passed := []string{":3024"}
	mutate(passed)
	for _, a := range passed {
		go http.ListenAndServe(a, nil)
	}
	grown := []string{":3025"}
	grown = append(grown, os.Getenv("ADDR"))
	for _, a := range grown {
		go http.ListenAndServe(a, nil)
	}
	captured := []string{":3026"}
	func() { captured[0] = os.Getenv("ADDR") }()
	go http.ListenAndServe(captured[0], nil)
}

// A counted loop over a list starts one server per element too.
func counted() {
	addrs := []string{":3030", ":3031"}
	for i := 0; i < len(addrs); i++ {
		go func() { http.ListenAndServe(addrs[i], nil) }() // want `starts one server per element of a list, on hard-coded ports 3030 and 3031`
	}
}

func rangedInt() {
	addrs := []string{":3032", ":3033"}
	for i := range len(addrs) {
		go http.ListenAndServe(addrs[i], nil) // want `starts one server per element of a list, on hard-coded ports 3032 and 3033`
	}
}

// Listeners made in one loop and served in another are one per element.
func listeners() {
	var lns []net.Listener
	for _, a := range []string{":3040", ":3041"} {
		ln, err := net.Listen("tcp", a) // want `net\.Listen starts one server per element of a list, on hard-coded ports 3040 and 3041`
		if err != nil {
			continue
		}
		lns = append(lns, ln)
	}
	for _, ln := range lns {
		go http.Serve(ln, nil)
	}
}

func mutate(s []string) { s[0] = os.Getenv("ADDR") }

func structs() {
	cfg := config{Addr: ":8080", Metrics: "localhost:9090"}
	go http.ListenAndServe(cfg.Addr, nil)    // want `hard-coded port 8080`
	go http.ListenAndServe(cfg.Metrics, nil) // want `hard-coded port 9090: the platform routes only \$PORT`

	var c2 config
	c2.Addr = "127.0.0.1:8081"
	go http.ListenAndServe(c2.Addr, nil) // want `hard-coded port 8081: the platform routes only \$PORT`
}

func structNegatives(ext config) {
	cfg := config{Addr: ":8080"}
	cfg.load() // a pointer method may change any field
	go http.ListenAndServe(cfg.Addr, nil)

	c2 := config{Addr: ":8080"}
	overwrite(&c2.Addr)
	go http.ListenAndServe(c2.Addr, nil)

	c3 := ext
	go http.ListenAndServe(c3.Addr, nil)

	c4 := &config{Addr: ":8080"}
	alias := c4
	alias.Addr = os.Getenv("ADDR")
	go http.ListenAndServe(c4.Addr, nil)

	c5 := config{Addr: ":8080"}
	if v := os.Getenv("ADDR"); v != "" {
		c5.Addr = v
	}
	go http.ListenAndServe(c5.Addr, nil)
}

func overwrite(p *string) { *p = os.Getenv("ADDR") }

func laterFields(dev bool) {
	c := config{}
	c.Addr = ":8082"
	go http.ListenAndServe(c.Addr, nil) // want `hard-coded port 8082`

	var d config
	if dev {
		d.Addr = "localhost:8083"
	}
	go http.ListenAndServe(d.Addr, nil) // want `hard-coded port 80 or 8083 \(what an empty address means\)`
}
