// Package envhost is checked with -env=APP_PORT -host=::.
package envhost

import (
	"net"
	"net/http"
)

func run(p string) {
	http.ListenAndServe(":8080", nil)                                    // want `^http\.ListenAndServe listens on hard-coded port 8080: read the port from \$APP_PORT$`
	http.ListenAndServe("localhost:"+p, nil)                             // want `loopback host "localhost", unreachable from outside the container: bind ::$`
	http.ListenAndServe(net.JoinHostPort("127.0.0.1", "8081"), nil)      // want `read the port from \$APP_PORT and bind ::$`
	net.ListenTCP("tcp", &net.TCPAddr{IP: net.IPv6loopback, Port: 8082}) // want `hard-coded port 8082`
}
