// Command debugimport imports net/http/pprof, but its own server type
// serves its own mux: not a debugging endpoint.
package main

import (
	"net/http"
	_ "net/http/pprof"
)

type server struct {
	addr string
	mux  *http.ServeMux
}

func (s *server) start() error { return http.ListenAndServe(s.addr, s.mux) }

func main() {
	mux := http.NewServeMux()
	s := &server{addr: "localhost:8080", mux: mux} // want `debugimport\.server\.addr listens on hard-coded port 8080 and loopback host "localhost": read the port from \$PORT and bind 0\.0\.0\.0`
	println(s.start().Error())
}
