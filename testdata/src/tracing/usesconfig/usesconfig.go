// Package usesconfig listens on addresses from another package.
package usesconfig

import (
	"fmt"
	"net"
	"net/http"

	"tracing/config"
)

func run() {
	go http.ListenAndServe(config.Addr(), nil)                     // want `hard-coded port 8080`
	go http.ListenAndServe(config.Metrics(false), nil)             // want `hard-coded port 9090: the platform routes only \$PORT`
	go http.ListenAndServe(fmt.Sprintf(":%d", config.Port()), nil) // want `hard-coded port 3000`
	go http.ListenAndServe(config.Listen(), nil)
	go http.ListenAndServe(config.Unexported(), nil)
	go http.ListenAndServe(config.Prefix()+"8082", nil)         // want `hard-coded port 8082: the platform routes only \$PORT`
	go http.ListenAndServe(config.Bind()+":8084", nil)          // want `hard-coded port 8084: the platform routes only \$PORT`
	go net.Listen(config.Network(), ":8086")                    // want `net\.Listen listens on hard-coded port 8086`
	go http.ListenAndServe(config.AllInterfaces()+":8087", nil) // want `hard-coded port 8087: the platform routes only \$PORT`
	go http.ListenAndServe(config.Built(), nil)                 // want `hard-coded port 8088: the platform routes only \$PORT`
}
