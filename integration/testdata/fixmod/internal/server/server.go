// Package server builds the HTTP server.
package server

import (
	"net/http"
	"time"
)

// New returns a server; its address is set by the caller.
func New(h http.Handler) *http.Server {
	return &http.Server{
		Addr:              ":8080",
		Handler:           h,
		ReadHeaderTimeout: 5 * time.Second,
	}
}
