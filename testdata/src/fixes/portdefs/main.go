// Command portdefs passes a port whose variable has two definitions to a
// helper that takes the host and the port apart: the fix keeps each
// definition's own port as its default (it gave both 8080).
package main

import (
	"net"
	"net/http"
	"os"
)

func serve(host, port string) error {
	return http.ListenAndServe(net.JoinHostPort(host, port), nil)
}

func main() {
	port := "8080"
	if len(os.Args) > 1 {
		port = "9090"
	}
	serve("0.0.0.0", port) // want `http\.ListenAndServe \(through serve\) listens on hard-coded port 8080 or 9090: read the port from \$PORT`
}
