// Package joinimport: the imports a fix adds join the file's single
// unparenthesized import, which becomes a block.
package joinimport

import /* the web */ "net/http"

func run() {
	http.ListenAndServe("localhost:8080", nil) // want `hard-coded port 8080`
}
