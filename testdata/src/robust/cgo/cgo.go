// Package cgo listens from a package that uses cgo: the analyzer sees the
// cgo-processed files and still reports at the original lines.
package cgo

/*
#include <stdlib.h>

static int default_port(void) { return 8090; }
*/
import "C"

import (
	"net"
	"net/http"
	"strconv"
)

// Port comes from C: not a Go constant, so portlint stays silent.
func Port() string {
	return strconv.Itoa(int(C.default_port()))
}

func serve() {
	http.ListenAndServe(":"+Port(), nil)
	http.ListenAndServe("localhost:8091", nil) // want `http\.ListenAndServe listens on hard-coded port 8091 and loopback host "localhost"`
	p := C.malloc(1)
	C.free(p)
	net.Listen("tcp", ":"+strconv.Itoa(int(C.default_port())))
}
