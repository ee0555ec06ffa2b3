// Package allow is checked with -allow=localhost:6060,*:9090,127.0.0.1:*.
package allow

import (
	"net"
	"net/http"
)

func servers() {
	go http.ListenAndServe("localhost:6060", nil)
	go http.ListenAndServe("LOCALHOST.:6060", nil) // want `can take the port of .*address already in use`
	go http.ListenAndServe("localhost:6061", nil) // want `hard-coded port 6061: the platform routes only \$PORT`
	go http.ListenAndServe(":9090", nil)
	go http.ListenAndServe("localhost:9090", nil) // want `can take the port of .*address already in use`
	go http.ListenAndServe(":9091", nil) // want `hard-coded port 9091`
	go net.Listen("tcp", "127.0.0.1:7000")
	go net.Listen("tcp", "127.0.0.2:7000") // want `hard-coded port 7000: the platform routes only \$PORT`
}
