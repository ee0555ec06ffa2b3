// Command loopback's server type binds loopback itself: that is reported
// where it is written, as the primary's.
package main

import "net/http"

type server struct{ port string }

func (s *server) start() error { return http.ListenAndServe("127.0.0.1:"+s.port, nil) } // want `http\.ListenAndServe listens on loopback host "127\.0\.0\.1", unreachable from outside the container: bind 0\.0\.0\.0`

// An admin server type started in the background keeps its loopback
// host: nothing is reported at its listen call.
type admin struct{ port string }

func (a *admin) serve() { go http.ListenAndServe("127.0.0.1:"+a.port, nil) }

func main() {
	ad := &admin{port: "9090"} // want `loopback\.admin\.port listens on hard-coded port 9090: the platform routes only \$PORT, to the primary server loopback\.server\.port`
	ad.serve()
	s := &server{port: "8080"} // want `loopback\.server\.port listens on hard-coded port 8080: read the port from \$PORT`
	println(s.start().Error())
}
