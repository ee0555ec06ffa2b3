// Package echo is a stub of github.com/labstack/echo/v5 v5.4.4: Start and
// StartConfig with their real shapes.
package echo

import (
	stdContext "context"
	"crypto/tls"
	"net"
	"net/http"
)

// Echo is the framework's instance.
type Echo struct{}

func New() *Echo { return &Echo{} }

func (e *Echo) ServeHTTP(w http.ResponseWriter, r *http.Request) {}

func (e *Echo) Start(address string) error { return nil }

// StartConfig configures the http.Server that serves an Echo.
type StartConfig struct {
	Address         string
	HideBanner      bool
	HidePort        bool
	TLSConfig       *tls.Config
	Listener        net.Listener
	ListenerNetwork string
}

func (sc StartConfig) Start(ctx stdContext.Context, h http.Handler) error { return nil }
func (sc StartConfig) StartTLS(ctx stdContext.Context, h http.Handler, certFile, keyFile any) error {
	return nil
}
