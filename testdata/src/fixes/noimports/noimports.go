package noimports

import "net/http"

func run() {
	http.ListenAndServe("localhost:8080", nil) // want `hard-coded port 8080`
}
