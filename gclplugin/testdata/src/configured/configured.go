// Package configured is checked by the plugin with allow and include-tests
// set.
package configured

import (
	"net"
	"net/http"
)

func serve() {
	go http.ListenAndServe(":8080", nil)          // want `hard-coded port 8080`
	go http.ListenAndServe("localhost:6060", nil) // allowed: localhost:*
	net.Listen("tcp", "localhost:9000")           // allowed: localhost:*
}
