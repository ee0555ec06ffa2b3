// Command ptrlocal allocates its config by pointer and then sets its
// address: the pointer is the struct's only handle, so its fields hold
// what is written through it.
package main

import (
	"encoding/json"
	"net/http"
	"os"
)

type Config struct{ Addr, Name string }

// Decoded and Handed are written out of sight: their addresses are not
// hard-coded.
type (
	Decoded struct{ Addr string }       // want Addr:`sink: address of http\.ListenAndServe`
	Handed  struct{ Addr, Name string } // want Addr:`sink: address of http\.ListenAndServe`
)

func main() {
	cfg := &Config{}
	cfg.Addr = ":8080"
	go http.ListenAndServe(cfg.Addr, nil) // want `^http\.ListenAndServe listens on hard-coded port 8080: read the port from \$PORT$`
	decoded()
	handed()
}

// decoded's config is handed to a decoder, which may set its address.
func decoded() {
	cfg := new(Decoded)
	cfg.Addr = ":8081"
	json.Unmarshal([]byte(os.Getenv("CONFIG")), cfg)
	go http.ListenAndServe(cfg.Addr, nil)
}

// handed's config is passed to a function that may change it.
func handed() {
	cfg := &Handed{Name: "x"}
	cfg.Addr = ":8082"
	configure(cfg)
	http.ListenAndServe(cfg.Addr, nil)
}

func configure(c *Handed) { c.Addr = os.Getenv("ADDR") }
