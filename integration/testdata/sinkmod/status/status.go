// Package status serves a status page on an exported variable of package
// constants. Only the portlint command run on the whole module sees that
// nothing assigns it: go vet, seeing this package and its dependencies,
// stays silent here.
package status

import (
	"fmt"
	"net/http"

	"example.com/sinkmod/constants"
)

// Serve serves the status page until it fails.
func Serve() error {
	mux := http.NewServeMux()
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) { fmt.Fprintln(w, "ok") })
	return http.ListenAndServe(constants.StatusAddr, mux)
}
