// Package gin is a stub of github.com/gin-gonic/gin v1.12.0: the listen
// methods with their real parameter lists.
package gin

import (
	"net"
	"net/http"
)

// OptionFunc configures an Engine.
type OptionFunc func(*Engine)

// Engine is the framework's instance.
type Engine struct{}

func New(opts ...OptionFunc) *Engine     { return &Engine{} }
func Default(opts ...OptionFunc) *Engine { return &Engine{} }

func (engine *Engine) ServeHTTP(w http.ResponseWriter, req *http.Request) {}

func (engine *Engine) Run(addr ...string) (err error)                     { return nil }
func (engine *Engine) RunTLS(addr, certFile, keyFile string) (err error)  { return nil }
func (engine *Engine) RunUnix(file string) (err error)                    { return nil }
func (engine *Engine) RunFd(fd int) (err error)                           { return nil }
func (engine *Engine) RunQUIC(addr, certFile, keyFile string) (err error) { return nil }
func (engine *Engine) RunListener(listener net.Listener) (err error)      { return nil }
