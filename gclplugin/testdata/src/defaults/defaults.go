// Package defaults is checked by the plugin with no settings.
package defaults

import (
	"net"
	"net/http"
)

func serve() {
	go http.ListenAndServe(":8080", nil)          // want `hard-coded port 8080`
	go http.ListenAndServe("localhost:6060", nil) // want `hard-coded port 6060 and loopback host "localhost"`
	net.Listen("tcp", "localhost:9000")           // want `hard-coded port 9000 and loopback host "localhost"`
}
