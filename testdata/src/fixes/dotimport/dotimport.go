package dotimport

import (
	"net/http"
	. "os"
)

func run() {
	defer Exit(0)
	http.ListenAndServe(":8080", nil) // want `hard-coded port 8080`
}
