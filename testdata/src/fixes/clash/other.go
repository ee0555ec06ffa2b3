package clash

import "net/http"

// cmp is declared in clash.go, at the package level: the import the fix
// adds here needs another name too.
func serveOther() {
	http.ListenAndServe(":8083", nil) // want `hard-coded port 8083`
}
