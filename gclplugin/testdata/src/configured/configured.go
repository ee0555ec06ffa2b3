// Package configured is checked by the plugin with allow and include-tests
// set.
package configured

import (
	"net"
	"net/http"
)

// The servers run one after the other: each is a primary, whose fix reads
// the configured variable.
func serve() {
	http.ListenAndServe(":8080", nil)          // want `hard-coded port 8080`
	http.ListenAndServe("localhost:6060", nil) // allowed: localhost:*
	net.Listen("tcp", "localhost:9000")        // allowed: localhost:*
}
