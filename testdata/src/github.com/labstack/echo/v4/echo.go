// Package echo is a stub of github.com/labstack/echo/v4 v4.16.0: the listen
// methods with their real parameter lists.
package echo

import (
	"net"
	"net/http"

	"golang.org/x/net/http2"
)

// Echo is the framework's instance.
type Echo struct {
	Server    *http.Server
	TLSServer *http.Server
	Listener  net.Listener
}

func New() (e *Echo) { return &Echo{Server: new(http.Server), TLSServer: new(http.Server)} }

func (e *Echo) ServeHTTP(w http.ResponseWriter, r *http.Request) {}

func (e *Echo) Start(address string) error                                         { return nil }
func (e *Echo) StartTLS(address string, certFile, keyFile interface{}) (err error) { return nil }
func (e *Echo) StartAutoTLS(address string) error                                  { return nil }
func (e *Echo) StartServer(s *http.Server) (err error)                             { return nil }
func (e *Echo) StartH2CServer(address string, h2s *http2.Server) error             { return nil }
