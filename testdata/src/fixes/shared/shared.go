package shared

import (
	"net"
	"net/http"
)

// Several sites in one file, two sharing a variable.
func run() {
	addr := "localhost:8080"
	go http.ListenAndServe(addr, nil)              // want `hard-coded port 8080`
	go net.Listen("tcp", addr)                     // want `hard-coded port 8080` `can take the port of .*address already in use`
	go http.ListenAndServe(":8081", nil)           // want `hard-coded port 8081`
	net.ListenTCP("tcp", &net.TCPAddr{Port: 8082}) // want `hard-coded port 8082`
}
