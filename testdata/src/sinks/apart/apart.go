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
