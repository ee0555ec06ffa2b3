package clash

import "net/http"

// cmp and os are taken by the program's own names.
var cmp = "compare"

func run(os []string) {
	http.ListenAndServe(":8080", nil) // want `hard-coded port 8080`
	_ = os
}
