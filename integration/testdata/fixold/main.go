// Command fixold is a Go 1.21 module: its fix must compile without the
// Go 1.22 standard library.
package main

import "net/http"

func main() {
	http.ListenAndServe("localhost:8080", nil)
}
