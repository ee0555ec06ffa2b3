// Command listensenv sets the app's port from the environment on the
// config another package builds: the path's record is not the field's
// value any more, and nothing is reported.
package main

import (
	"fmt"
	"log"
	"net/http"
	"os"
	"strconv"

	"fields/listens"
)

func main() {
	cfg := listens.Default()
	if p, err := strconv.Atoi(os.Getenv("PORT")); err == nil {
		cfg.HTTP.Port = p
	}
	log.Fatal(http.ListenAndServe(fmt.Sprintf(":%d", cfg.HTTP.Port), nil))
}
