// Package server starts the app's servers for its command.
package server

import (
	"net/http"
	"os"
)

// Run serves the app on $PORT until it fails.
func Run(h http.Handler) error { // want Run:`serves on \$PORT`
	return http.ListenAndServe(":"+os.Getenv("PORT"), h)
}

// Background starts a server of its own and returns.
func Background(h http.Handler) { // want Background:`starts a server on \$STATUS_PORT`
	go http.ListenAndServe(":"+os.Getenv("STATUS_PORT"), h)
}
