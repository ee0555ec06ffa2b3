package joinimport

// The fix removes the first import: the imports it adds go in
// declarations of their own rather than into one being deleted.

import "strconv"

import "net/http"

func serve() {
	http.ListenAndServe(":"+strconv.Itoa(8081), nil) // want `hard-coded port 8081`
}
