// Package debug runs the pprof listener.
package debug

import (
	stdhttp "net/http"
	"os"
)

// Serve starts the debug listener, unless disabled.
func Serve() {
	if os.Getenv("DEBUG") == "" {
		return
	}
	addr := "localhost:" + "6060"
	go stdhttp.ListenAndServe(addr, nil)
	// The trace port is configurable, its host is not.
	stdhttp.ListenAndServe("localhost:"+os.Getenv("TRACE_PORT"), nil)
}
