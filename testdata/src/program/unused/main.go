// Command unused has servers in functions nothing calls: they never
// start beside main's, so the primary named to main's others is the
// server main waits on, and each such function is planned alone.
package main

import (
	"net/http"
	"os"
)

func unused() { http.ListenAndServe(os.Getenv("ADDR"), nil) }

func legacy() { http.ListenAndServe(":9000", nil) } // want `hard-coded port 9000: read the port from \$PORT`

func main() {
	go http.ListenAndServe(":7000", nil) // want `hard-coded port 7000: the platform routes only \$PORT, to the primary server http\.ListenAndServe \(main\.go:17\)`
	http.ListenAndServe(":8080", nil)    // want `hard-coded port 8080: read the port from \$PORT`
}
