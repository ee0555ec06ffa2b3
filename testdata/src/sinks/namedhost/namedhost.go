// Package namedhost serves on a host of a named string type, passed
// apart from its port, and converted where the address is joined.
package namedhost

import (
	"fmt"
	"net"
	"net/http"
	"strconv"
)

// Host is a host name or address.
type Host string

// Port is a port number or service name.
type Port string

func Serve(host Host, port int) error { // want Serve:`sink: param 0 host of http\.ListenAndServe, param 1 port of http\.ListenAndServe` Serve:`serves`
	return http.ListenAndServe(fmt.Sprintf("%s:%d", host, port), nil)
}

func Join(host Host, port Port) error { // want Join:`sink: param 0 host of http\.ListenAndServe, param 1 port of http\.ListenAndServe` Join:`serves`
	return http.ListenAndServe(net.JoinHostPort(string(host), string(port)), nil)
}

func Concat(host Host, port int) error { // want Concat:`sink: param 0 host of http\.ListenAndServe, param 1 port of http\.ListenAndServe` Concat:`serves`
	return http.ListenAndServe(string(host)+":"+strconv.Itoa(port), nil)
}
