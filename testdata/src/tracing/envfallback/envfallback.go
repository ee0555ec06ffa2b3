// Package envfallback reads $PORT and, deliberately, a legacy spelling.
package envfallback

import (
	"cmp"
	"os"
)

func port() string {
	return cmp.Or(os.Getenv("PORT"), os.Getenv("port"), "8080")
}
