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
	stdhttp.ListenAndServe(addr, nil)
}
