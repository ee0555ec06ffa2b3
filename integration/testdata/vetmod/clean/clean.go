// Package clean listens where the platform says: portlint is silent.
package clean

import (
	"cmp"
	"net"
	"net/http"
	"os"
)

// Serve binds all interfaces on $PORT.
func Serve() error {
	return http.ListenAndServe("0.0.0.0:"+cmp.Or(os.Getenv("PORT"), "8080"), nil)
}

// Internal asks for any free loopback port: ephemeral, never reported.
func Internal() (net.Listener, error) {
	return net.Listen("tcp", "127.0.0.1:0")
}
