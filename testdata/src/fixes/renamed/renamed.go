package renamed

import (
	"net/http"
	stdos "os"
)

func main() {
	stdos.Exit(run())
}

func run() int {
	http.ListenAndServe(":8080", nil) // want `hard-coded port 8080`
	return 0
}
