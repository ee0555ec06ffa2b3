// Package generics starts listeners from generic code: type-parameter
// addresses, generic wrappers and servers embedded in generic types.
package generics

import (
	"net"
	"net/http"
)

// Serve listens on an address of any string type: its callers are
// unknown, so the address is configuration.
func Serve[S ~string](addr S) error { // want Serve:`serves`
	return http.ListenAndServe(string(addr), nil)
}

// Address is a named string type.
type Address string

func callServe() {
	Serve(Address(":8080")) // the listen site is in Serve, whose parameter is not traced
	Serve[string](":8081")
}

// Fixed listens on a constant, whatever its type argument.
func Fixed[T any](v T) error { // want Fixed:`serves on port 8082`
	_ = v
	return http.ListenAndServe(":8082", nil) // want `http\.ListenAndServe listens on hard-coded port 8082`
}

// Converted converts a constant to the type parameter: not a constant
// any more (conversions to type parameters never are), so portlint stays
// silent rather than guess.
func Converted[S ~string]() error { // want Converted:`serves`
	return http.ListenAndServe(string(S(":8083")), nil)
}

// Wrapper is a generic type embedding a server.
type Wrapper[T any] struct {
	*http.Server
	Extra T
}

func wrappers() {
	w := Wrapper[int]{Server: &http.Server{Addr: "localhost:8084"}} // want `http\.Server\.Addr listens on hard-coded port 8084 and loopback host "localhost"`
	w.Addr = ":8085"                                                // want `http\.Server\.Addr listens on hard-coded port 8085`
	_ = w
}

// Pair holds a listener address in a type-parameter field.
type Pair[A ~string] struct {
	Addr A
}

// Listen listens on the field: unknown.
func (p Pair[A]) Listen() (net.Listener, error) { // want Listen:`serves`
	return net.Listen("tcp", string(p.Addr))
}

// Local listens on a constant assigned to a local variable of a generic
// function.
func Local[T any]() { // want Local:`serves on port 8086`
	addr := "127.0.0.1:8086"
	net.Listen("tcp", addr) // want `net\.Listen listens on hard-coded port 8086 and loopback host "127\.0\.0\.1"`
}

// Instantiated listens through an instantiated generic function value.
func Instantiated() {
	listen := net.Listen
	listen("tcp", ":8087") // a function value: not a static call, not reported
	f := Fixed[string]
	_ = f
}

// Method values of generic types.
type Srv[T any] struct{ s http.Server }

func (s *Srv[T]) Start() error { // want Start:`serves on port 8088`
	s.s.Addr = ":8088" // want `http\.Server\.Addr listens on hard-coded port 8088`
	return s.s.ListenAndServe()
}

// serveAt is unexported and only ever called with constants, but generic:
// its parameters are not traced to its callers (each instantiation has its
// own parameter objects), so it stays silent.
func serveAt[S ~string](addr S) {
	http.ListenAndServe(string(addr), nil)
}

func callServeAt() {
	serveAt(":8089")
	serveAt[Address]("localhost:8090")
}

// Closure is a generic function whose closure is called with a constant:
// the closure's callers are known, so the finding is at the argument.
func Closure[T any](v T) { // want Closure:`serves on port 8091`
	start := func(addr string) {
		http.ListenAndServe(addr, nil)
	}
	start(":8091") // want `http\.ListenAndServe \(through start\) listens on hard-coded port 8091`
	_ = v
}
