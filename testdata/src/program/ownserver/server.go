// Package main starts its own server type: the listen call reads the
// field that main writes, so the two are one server, and the constant
// main writes is the program's port.
package main

import "net/http"

type server struct{ addr string }

func (s *server) start() error { return http.ListenAndServe(s.addr, nil) }
