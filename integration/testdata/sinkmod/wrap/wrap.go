// Package wrap listens in a wrapper whose API names no type of net/http:
// its export data does not list the import.
package wrap

import "net/http"

// Run serves http.DefaultServeMux on addr.
func Run(addr string) error { return http.ListenAndServe(addr, nil) }
