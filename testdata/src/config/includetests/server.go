package includetests

import "net/http"

func Start() error {
	return http.ListenAndServe(":8080", nil) // want `hard-coded port 8080`
}
