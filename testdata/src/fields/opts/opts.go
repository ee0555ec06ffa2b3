// Package opts takes a host and a port in a struct passed by value and
// joins them.
package opts

import (
	"net"
	"net/http"
)

type Opts struct{ Host, Port string } // want Host:`sink: host of http\.ListenAndServe` Port:`sink: port of http\.ListenAndServe`

func Serve(o Opts) error { return http.ListenAndServe(net.JoinHostPort(o.Host, o.Port), nil) } // want Serve:`serves`
