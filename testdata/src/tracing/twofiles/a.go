// Package twofiles assigns a package-level address in two files: the
// values are listed in the order of the files, whatever order they were
// parsed in, and a fix that edits the other file imports there what it
// uses.
package twofiles

import "net/http"

var addr = ":8080"

func main() {
	http.ListenAndServe(addr, nil) // want `hard-coded port 8080 or 9090`
}
