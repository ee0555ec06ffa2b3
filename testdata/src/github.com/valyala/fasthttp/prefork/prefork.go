// Package prefork is a stub of github.com/valyala/fasthttp/prefork v1.78.0.
package prefork

import "github.com/valyala/fasthttp"

// Prefork runs a server in several child processes.
type Prefork struct {
	Network   string
	Reuseport bool
}

func New(s *fasthttp.Server) *Prefork { return &Prefork{} }

func (p *Prefork) ListenAndServe(addr string) error                                   { return nil }
func (p *Prefork) ListenAndServeTLS(addr, certKey, certFile string) error             { return nil }
func (p *Prefork) ListenAndServeTLSEmbed(addr string, certData, keyData []byte) error { return nil }
