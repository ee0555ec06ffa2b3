package includetests

import (
	"net/http"
	"testing"
)

func TestServer(t *testing.T) {
	go http.ListenAndServe("localhost:8081", nil) // want `hard-coded port 8081 and loopback`
	go http.ListenAndServe("localhost:0", nil)
}
