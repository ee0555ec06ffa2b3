// Package http2 is a stub of golang.org/x/net/http2: the Server type only.
package http2

// Server is an HTTP/2 server configuration.
type Server struct{}
