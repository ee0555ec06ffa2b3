// Command ifaceoptuser passes options behind an interface: a call whose
// options all leave the address alone is a site; one passing an option
// that may set it stays silent.
package main

import (
	"log"
	"net"
	"net/http"
	"os"

	"sinks/ifaceopt"
)

func main() {
	go ifaceopt.ListenAndServe(":7001")                                                                          // want `ifaceopt\.ListenAndServe listens on hard-coded port 7001: the platform routes only \$PORT`
	go ifaceopt.ListenAndServe(":7002", ifaceopt.WithHandler(http.NotFoundHandler()), ifaceopt.WithName("api"))  // want `ifaceopt\.ListenAndServe listens on hard-coded port 7002: the platform routes only \$PORT`
	go ifaceopt.ListenAndServe(":7003", ifaceopt.WithNothing(), ifaceopt.EmptyOption{}, &ifaceopt.EmptyOption{}) // want `ifaceopt\.ListenAndServe listens on hard-coded port 7003: the platform routes only \$PORT`
	log.Fatal(http.ListenAndServe(":8080", nil))                                                                 // want `http\.ListenAndServe listens on hard-coded port 8080: read the port from \$PORT`
}

// Options that set the address, or a listener, or are not seen, leave
// the call silent.
func negatives(ln net.Listener, opts []ifaceopt.Option, opt ifaceopt.Option) {
	go ifaceopt.ListenAndServe(":7004", ifaceopt.WithAddr(os.Getenv("ADDR")))
	go ifaceopt.ListenAndServe(":7005", ifaceopt.WithName("a"), ifaceopt.WithAddr(os.Getenv("ADDR2")))
	go ifaceopt.ListenAndServe(":7006", ifaceopt.WithListener(ln))
	go ifaceopt.ListenAndServe(":7007", opts...)
	go ifaceopt.ListenAndServe(":7008", opt)
}
