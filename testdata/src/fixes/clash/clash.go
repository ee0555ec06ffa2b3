package clash

import "net/http"

// cmp and os are taken by the program's own names.
var cmp = "compare"

func run(os []string) {
	http.ListenAndServe(":8080", nil) // want `hard-coded port 8080`
	_ = os
}

var addr = ":8081"

// net is a parameter here: the import the fix adds needs another name.
func serveNet(net int) {
	addr = ":8082"
	http.ListenAndServe(addr, nil) // want `hard-coded port 8081 or 8082`
	_ = net
}
