// Command nohost starts a server on host "0", which net.Listen rejects
// ("lookup 0: no such host"), beside one on all interfaces: the first
// binds nothing, so the two never collide, before the fix or after.
package main

import (
	"log"
	"net/http"
)

func main() {
	go http.ListenAndServe("0:8080", nil)        // want `http\.ListenAndServe listens on hard-coded port 8080: the platform routes only \$PORT, to the primary server http\.ListenAndServe \(main\.go:13\); read this listener's port from \$PORT_8080$`
	log.Fatal(http.ListenAndServe(":8080", nil)) // want `^http\.ListenAndServe listens on hard-coded port 8080: read the port from \$PORT$`
}
