// Package defaults is checked by the plugin with no settings.
package defaults

import (
	"net"
	"net/http"
)

// The servers run one after the other: each is a primary, whose fix reads
// the configured variable.
func serve() {
	http.ListenAndServe(":8080", nil)          // want `hard-coded port 8080`
	http.ListenAndServe("localhost:6060", nil) // want `hard-coded port 6060 and loopback host "localhost"`
	net.Listen("tcp", "localhost:9000")        // want `hard-coded port 9000 and loopback host "localhost"`
}
