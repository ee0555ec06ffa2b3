// Command dotcmd reads config's variable through a dot import: the fix
// replaces its only use, and the import stays, blank, for config's init.
package main

import (
	"log"
	"net/http"

	. "tracing/exported/config"
)

func main() {
	log.Fatal(http.ListenAndServe(GRPCPort, nil)) // want `hard-coded port 50051`
}
