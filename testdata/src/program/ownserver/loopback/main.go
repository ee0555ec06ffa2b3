// Command loopback's server type binds loopback itself: that is reported
// where it is written, as the primary's.
package main

import "net/http"

type server struct{ port string }

func (s *server) start() error { return http.ListenAndServe("127.0.0.1:"+s.port, nil) } // want `http\.ListenAndServe listens on loopback host "127\.0\.0\.1", unreachable from outside the container: bind 0\.0\.0\.0`

func main() {
	s := &server{port: "8080"} // want `loopback\.server\.port listens on hard-coded port 8080: read the port from \$PORT`
	println(s.start().Error())
}
