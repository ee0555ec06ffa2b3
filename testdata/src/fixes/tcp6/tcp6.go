// Package tcp6 listens on IPv6 alone: its fix binds ::, since tcp6
// cannot listen on 0.0.0.0 ("no suitable address found").
package tcp6

import (
	"net"
	"net/http"
)

func Serve() error { // want Serve:`serves on port 8080`
	ln, err := net.Listen("tcp6", "[::1]:8080") // want `^net\.Listen listens on hard-coded port 8080 and loopback host "::1": read the port from \$PORT and bind ::$`
	if err != nil {
		return err
	}
	return http.Serve(ln, nil)
}
