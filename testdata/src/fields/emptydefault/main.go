// Command emptydefault passes its configs to a function that gives their
// address a default where it is empty: an empty address, or one left
// unset, listens there.
package main

import (
	"cmp"
	"log"
	"net/http"
	"os"
)

type Config struct {
	Addr string // want Addr:`sink: address \(:8080 where empty\) of http\.ListenAndServe`
	Name string
}

func run(c Config) error {
	if c.Addr == "" {
		c.Addr = ":8080"
	}
	return http.ListenAndServe(c.Addr, nil)
}

type OrConfig struct {
	Addr string // want Addr:`sink: address \(:8081 where empty\) of http\.ListenAndServe`
	Name string
}

// or gives the default with cmp.Or, as run does with an if.
func or(c OrConfig) error { return http.ListenAndServe(cmp.Or(c.Addr, ":8081"), nil) }

type PlainConfig struct {
	Addr    string // want Addr:`sink: address of http\.ListenAndServe`
	Metrics string // want Metrics:`sink: address of http\.ListenAndServe`
	Name    string
}

// plain listens on its config's address with no default, and on its
// metrics address only when one is given: unset, either may mean off,
// not :80.
func plain(c PlainConfig) error {
	if c.Metrics != "" {
		go http.ListenAndServe(c.Metrics, nil)
	}
	return http.ListenAndServe(c.Addr, nil)
}

// configured sets the address it left out of the literal: not unset.
func configured() error {
	c := Config{Name: "env"}
	c.Addr = os.Getenv("ADDR")
	return run(c)
}

type Metrics struct {
	Addr string // want Addr:`sink: address of http\.ListenAndServe`
}

// withDefaults gives the address a default where empty, but serveMetrics,
// which takes empty for off, is never passed its result: its
// Metrics{} listens nowhere, not on the default.
func withDefaults(m Metrics) Metrics {
	if m.Addr == "" {
		m.Addr = ":9091"
	}
	return m
}

func serveMetrics(m Metrics) {
	if m.Addr == "" {
		return
	}
	go http.ListenAndServe(m.Addr, nil)
}

func main() {
	go run(Config{Addr: ":9000"}) // want `^emptydefault\.Config\.Addr listens on hard-coded port 9000: the platform routes only \$PORT`
	go plain(PlainConfig{Name: "plain"})
	go configured()
	go or(OrConfig{Name: "or"})         // want `^emptydefault\.OrConfig\.Addr \(unset\) listens on hard-coded port 8081: the platform routes only \$PORT`
	log.Fatal(run(Config{Name: "app"})) // want `^emptydefault\.Config\.Addr \(unset\) listens on hard-coded port 8080: read the port from \$PORT`
}

// empty writes an empty address, planned alone: it listens on the
// default, not on the :80 an empty address means.
func empty() {
	log.Fatal(run(Config{Name: "app", Addr: ""})) // want `^emptydefault\.Config\.Addr listens on hard-coded port 8080: read the port from \$PORT`
}

type EnvFirst struct{ Addr string }

// envFirst reads the environment before its config: the config's address,
// or its default, is only a fallback.
func envFirst(c EnvFirst) error {
	return http.ListenAndServe(cmp.Or(os.Getenv("ADDR"), c.Addr, ":8082"), nil)
}

type EnvOver struct{ Addr string }

// envOver is envFirst written with an if: the environment, where it is
// set, replaces the config's address, which is only a default.
func envOver(c EnvOver) error {
	addr := c.Addr
	if v := os.Getenv("ADDR"); v != "" {
		addr = v
	}
	return http.ListenAndServe(addr, nil)
}

// Serve is the same with a parameter its importers pass.
func Serve(addr string) error {
	if v, ok := os.LookupEnv("SERVE_ADDR"); ok {
		addr = v
	}
	return http.ListenAndServe(addr, nil)
}

// optional serves only when given an address: "" turns it off.
func optional(addr string) {
	if addr == "" {
		return
	}
	go http.ListenAndServe(addr, nil)
}

// disabled passes empty addresses to listeners that take them for off.
func disabled() {
	optional("")
	go envFirst(EnvFirst{})
	go envFirst(EnvFirst{Addr: ":9001"})
	go envOver(EnvOver{Addr: ":9002"})
	go Serve(":9003")
	serveMetrics(Metrics{})
	_ = withDefaults(Metrics{Addr: os.Getenv("METRICS_ADDR")})
	go plain(PlainConfig{Addr: os.Getenv("ADDR"), Metrics: ""})
}
