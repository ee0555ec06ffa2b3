// Package envfallback reads $PORT and, deliberately, a legacy spelling.
package envfallback

import (
	"cmp"
	"os"
)

func port() string {
	return cmp.Or(os.Getenv("PORT"), os.Getenv("port"), "8080")
}

// An exact read in one function does not make a misspelling in another a
// deliberate fallback.
func exact() string { return os.Getenv("PORT") }

func elsewhere() string {
	return os.Getenv("Port") // want `os\.Getenv reads \$Port, not \$PORT`
}
