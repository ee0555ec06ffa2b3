// Package shapes hides its listen APIs in the shapes real services use.
package shapes

import "net/http"

// Engine takes its address as gin's does: variadic, the first one.
type Engine struct{}

func (e *Engine) Run(addr ...string) error { // want Run:`sink: param 0 address of http\.ListenAndServe` Run:`serves on port 8080`
	a := ":8080"
	if len(addr) > 0 {
		a = addr[0]
	}
	return http.ListenAndServe(a, nil)
}

// RunAll serves on every address it is given: no one element is the
// address, so it is not a listen API of its own.
func RunAll(addrs ...string) { // want RunAll:`starts a server`
	for _, a := range addrs {
		go http.ListenAndServe(a, nil)
	}
}

// RunLast reads an element other than the first: not followed.
func RunLast(addrs ...string) error { // want RunLast:`serves`
	return http.ListenAndServe(addrs[len(addrs)-1], nil)
}
