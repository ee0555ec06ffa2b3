// Command twomethods starts a debugging server with a method that serves
// in a goroutine, and its app with one that blocks: which method starts
// each decides the primary, not the order they are written in.
package main

import (
	"log"
	"net/http"
	_ "net/http/pprof"
)

type server struct {
	addr string
	h    http.Handler
}

func (s *server) start()     { go func() { log.Fatal(http.ListenAndServe(s.addr, s.h)) }() }
func (s *server) run() error { return http.ListenAndServe(s.addr, s.h) }

func main() {
	dbg := &server{addr: "127.0.0.1:6060"}                   // want `twomethods\.server\.addr listens on hard-coded port 6060: the platform routes only \$PORT, to the primary server twomethods\.server\.addr \(main\.go:22\); read this listener's port from \$DBG_PORT`
	app := &server{addr: ":8080", h: http.NotFoundHandler()} // want `twomethods\.server\.addr listens on hard-coded port 8080: read the port from \$PORT`
	dbg.start()
	log.Fatal(app.run())
}
