// Package portserve serves on a port of a type its callers need not import.
package portserve

import (
	"fmt"
	"net/http"

	"fixes/portnum/v2"
)

func Serve(port portnum.Port) error { return http.ListenAndServe(fmt.Sprintf(":%d", port), nil) } // want Serve:`sink: param 0 port of http\.ListenAndServe` Serve:`serves`
