// Command indirect imports setup only through app: setup still assigns
// config.Assigned in this program, so nothing is reported.
package main

import (
	"log"
	"net/http"

	_ "tracing/exported/app"
	"tracing/exported/config"
)

func main() {
	log.Fatal(http.ListenAndServe(config.Assigned, nil))
}
