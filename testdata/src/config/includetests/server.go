package includetests

import "net/http"

func Start() error { // want Start:`serves on port 8080`
	return http.ListenAndServe(":8080", nil) // want `hard-coded port 8080`
}
