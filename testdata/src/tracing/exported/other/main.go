// Command other does not import package setup: in this program nothing
// assigns config.Assigned.
package main

import (
	"log"
	"net/http"

	"tracing/exported/config"
)

func main() {
	log.Fatal(http.ListenAndServe(config.Assigned, nil)) // want `hard-coded port 7000`
}
