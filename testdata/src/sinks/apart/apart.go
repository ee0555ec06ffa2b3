// Package apart takes a host and a port apart and joins them late, as
// go-zero's rest.RestConf{Host, Port} does.
package apart

import (
	"fmt"
	"net"
	"net/http"
	"strconv"
)

func StartHTTP(host string, port int) error { // want StartHTTP:`sink: param 0 host of http\.ListenAndServe, param 1 port of http\.ListenAndServe` StartHTTP:`serves`
	return http.ListenAndServe(fmt.Sprintf("%s:%d", host, port), nil)
}

func StartJoin(host, port string) error { // want StartJoin:`sink: param 0 host of net\.Listen, param 1 port of net\.Listen` StartJoin:`starts a server`
	ln, err := net.Listen("tcp", net.JoinHostPort(host, port))
	if err != nil {
		return err
	}
	go http.Serve(ln, nil)
	return nil
}

func StartConcat(host string, port int) error { // want StartConcat:`sink: param 0 host of http\.ListenAndServe, param 1 port of http\.ListenAndServe` StartConcat:`serves`
	return http.ListenAndServe(host+":"+strconv.Itoa(port), nil)
}

// Debug serves in a goroutine: a call of it returns at once, so it is
// never the program's primary.
func Debug(host string) { // want Debug:`sink: param 0 host of http\.ListenAndServe` Debug:`starts a server`
	go http.ListenAndServe(host+":6061", nil) // want `http\.ListenAndServe listens on hard-coded port 6061: the platform routes only \$PORT, to a program's primary server; read this listener's port from \$DEBUG_PORT`
}

// Conf's host and port are fields: only the port is followed.
type Conf struct {
	Host string // want Host:`sink: host of http\.ListenAndServe`
	Port int // want Port:`sink: port of http\.ListenAndServe`
}

func (c Conf) Start() error { // want Start:`serves`
	return http.ListenAndServe(fmt.Sprintf("%s:%d", c.Host, c.Port), nil)
}
