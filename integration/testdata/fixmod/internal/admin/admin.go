// Package admin assigns its address in two files: the fix edits both and
// must import what it uses in each.
package admin

import "net/http"

var addr = ":8090"

// Serve starts the admin server.
func Serve() error { return http.ListenAndServe(addr, nil) }
