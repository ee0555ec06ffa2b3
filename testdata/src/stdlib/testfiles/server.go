// Package testfiles checks that _test.go files are skipped by default.
package testfiles

import "net/http"

func Start() error { // want Start:`serves on port 8080`
	return http.ListenAndServe(":8080", nil) // want `hard-coded port 8080`
}
