package testfiles

import (
	"net/http"
	"testing"
)

func TestServer(t *testing.T) {
	go http.ListenAndServe("localhost:8081", nil)
}
