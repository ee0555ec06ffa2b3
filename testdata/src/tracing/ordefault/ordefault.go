// Package ordefault passes addresses to helpers that give them a default
// with cmp.Or: a caller's constant is the address, and the default is
// the address only where a caller passes an empty one.
package ordefault

import (
	"cmp"
	"net/http"
	"os"
)

func serve(addr string) error { return http.ListenAndServe(cmp.Or(addr, ":8082"), nil) }

// serveDefault gives its default as cmp.Or does.
func serveDefault(addr string) error {
	if addr == "" {
		addr = ":8083"
	}
	return http.ListenAndServe(addr, nil)
}

// servePort gives its port a default: the call's port, or 8084.
func servePort(port string) error { return http.ListenAndServe(":"+cmp.Or(port, "8084"), nil) }

func main() {
	go serve("")        // want `^http\.ListenAndServe \(through serve\) listens on hard-coded port 8082: the platform routes only \$PORT`
	go serve(":9000")   // want `^http\.ListenAndServe \(through serve\) listens on hard-coded port 9000: the platform routes only \$PORT`
	go serveDefault("") // want `^http\.ListenAndServe \(through serveDefault\) listens on hard-coded port 8083: the platform routes only \$PORT`
	go serveDefault(os.Getenv("ADMIN_ADDR"))
	go servePort("")         // want `^http\.ListenAndServe \(through servePort\) listens on hard-coded port 8084: the platform routes only \$PORT`
	go servePort("9001")     // want `^http\.ListenAndServe \(through servePort\) listens on hard-coded port 9001: the platform routes only \$PORT`
	serve(os.Getenv("ADDR")) // configured: the default is reached only when $ADDR is empty
}
