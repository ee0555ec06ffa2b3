// Package fasthttp is a stub of github.com/valyala/fasthttp v1.78.0: the
// listen functions and Server methods with their real parameter lists.
package fasthttp

import (
	"net"
	"os"
)

// RequestCtx is a request's context.
type RequestCtx struct{}

// RequestHandler handles a request.
type RequestHandler func(ctx *RequestCtx)

// Server is a fasthttp server.
type Server struct {
	Handler RequestHandler
	Name    string
}

func ListenAndServe(addr string, handler RequestHandler) error                       { return nil }
func ListenAndServeUNIX(addr string, mode os.FileMode, handler RequestHandler) error { return nil }
func ListenAndServeTLS(addr, certFile, keyFile string, handler RequestHandler) error { return nil }
func ListenAndServeTLSEmbed(addr string, certData, keyData []byte, handler RequestHandler) error {
	return nil
}
func Serve(ln net.Listener, handler RequestHandler) error { return nil }

func (s *Server) ListenAndServe(addr string) error                                   { return nil }
func (s *Server) ListenAndServeUNIX(addr string, mode os.FileMode) error             { return nil }
func (s *Server) ListenAndServeTLS(addr, certFile, keyFile string) error             { return nil }
func (s *Server) ListenAndServeTLSEmbed(addr string, certData, keyData []byte) error { return nil }
func (s *Server) Serve(ln net.Listener) error                                        { return nil }
