// Command readergo's server type starts its server in a goroutine: main
// waits on the other one, which is the primary.
package main

import "net/http"

type server struct{ addr string }

func (s *server) start() { go http.ListenAndServe(s.addr, nil) }

func main() {
	s := &server{addr: ":3000"} // want `readergo\.server\.addr listens on hard-coded port 3000: the platform routes only \$PORT, to the primary server http\.ListenAndServe`
	s.start()
	http.ListenAndServe(":8080", nil) // want `http\.ListenAndServe listens on hard-coded port 8080: read the port from \$PORT`
}
