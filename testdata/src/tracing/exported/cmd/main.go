// Command cmd listens on exported variables: its imports are the whole
// program, so one no package of it assigns holds its initial value.
package main

import (
	"fmt"
	"log"
	"net"
	"net/http"
	"strconv"

	"tracing/exported/config"
	_ "tracing/exported/setup"
)

// Addr is a command's own exported variable: no package can import a
// command, so nothing else assigns it.
var Addr = ":9000"

func main() {
	go net.Listen("tcp", config.GRPCPort)                                 // want `hard-coded port 50051`
	go http.ListenAndServe(":"+strconv.Itoa(config.HTTPPort), nil)        // want `hard-coded port 8080`
	go http.ListenAndServe(net.JoinHostPort(config.DevHost, "8081"), nil) // want `hard-coded port 8081: the platform routes only \$PORT`
	go http.ListenAndServe(config.Assigned, nil)
	go http.ListenAndServe(config.Flagged, nil)
	go http.ListenAndServe(config.Reset, nil)
	go http.ListenAndServe(config.Disabled, nil)
	go http.ListenAndServe(config.Listen, nil)
	go http.ListenAndServe(fmt.Sprint(config.Greeting, ":8082"), nil)
	config.Listen = ":7005"
	log.Fatal(http.ListenAndServe(Addr, nil)) // want `hard-coded port 9000`
}
