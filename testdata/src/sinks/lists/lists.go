// Package lists starts servers from package-level tables and closures.
package lists

import (
	"net"
	"net/http"
	"os"

	"sinks/server"
)

var listeners = []string{":7080", ":7081"}

func ranged() {
	for _, a := range listeners {
		go http.ListenAndServe(a, nil) // want `http\.ListenAndServe starts one server per element of a list, on hard-coded ports 7080 and 7081: the platform routes only \$PORT, to one of these servers`
	}
}

var ports = []string{":7087", ":7088", ":7089"}

func byKey() {
	for i := range ports {
		go http.ListenAndServe(ports[i], nil) // want `one server per element of a list, on hard-coded ports 7087, 7088 and 7089`
	}
}

var byName = map[string]string{"api": ":7082", "admin": "localhost:7083"}

func indexed() {
	go http.ListenAndServe(byName["api"], nil) // want `hard-coded port 7082`
	if len(byName) > 1 {
		go http.ListenAndServe(byName["admin"], nil) // want `hard-coded port 7083`
	}
}

type endpoint struct {
	addr    string
	handler http.Handler
}

var endpoints = []endpoint{
	{addr: ":7084", handler: http.NotFoundHandler()},
	{addr: ":7085"},
}

func structs() {
	for _, e := range endpoints {
		go http.ListenAndServe(e.addr, e.handler) // want `one server per element of a list, on hard-coded ports 7084 and 7085`
	}
}

// A function literal called in place takes its argument.
func closures() {
	port := ":7086"
	go func(p string) {
		net.Listen("tcp", p)
	}(port) // want `net\.Listen listens on hard-coded port 7086`
}

// Tables that change, or leave the package's sight, are not frozen.
var written = []string{":7090"}

var passed = []string{":7091"}

var Exported = []string{":7092"}

func negatives() {
	written[0] = os.Getenv("ADDR")
	for _, a := range written {
		go http.ListenAndServe(a, nil)
	}
	modify(passed)
	for _, a := range passed {
		go http.ListenAndServe(a, nil)
	}
	for _, a := range Exported {
		go http.ListenAndServe(a, nil)
	}
	go func(p string) {
		net.Listen("tcp", p)
	}(os.Getenv("ADDR"))
}

func modify(s []string) { s[0] = os.Getenv("ADDR") }

// A wrapper resolving its address is a sink too.
func udp() {
	if c, err := server.ListenUDP(":9100"); err == nil { // want `server\.ListenUDP listens on hard-coded port 9100`
		c.Close()
	}
}
