// Command shares starts a second server on the primary's own address.
package main

import (
	"net/http"
)

func main() {
	addr := ":8085"
	// A collision, and no fix of its own: the primary's fix edits the
	// address they share.
	go http.ListenAndServe(addr, nil) // want `^http\.ListenAndServe listens on hard-coded port 8085: the platform routes only \$PORT, to the primary server http\.ListenAndServe \(main\.go:13\), whose address it shares: give it one of its own$`
	http.ListenAndServe(addr, http.NotFoundHandler()) // want `^http\.ListenAndServe listens on hard-coded port 8085: read the port from \$PORT$` `can take the port of an earlier http\.ListenAndServe`
}
