//go:build go1.21

package old

import "net/http"

func run() {
	http.ListenAndServe(":8080", nil) // want `hard-coded port 8080`
}
