// Package fiber is a stub of github.com/gofiber/fiber/v2 v2.52.15: the
// listen methods with their real parameter lists.
package fiber

import (
	"crypto/tls"
	"crypto/x509"
	"net"
)

// Config configures an App.
type Config struct {
	Prefork bool
	Network string
}

// App is the framework's instance.
type App struct{}

func New(config ...Config) *App { return &App{} }

func (app *App) Listener(ln net.Listener) error                                   { return nil }
func (app *App) Listen(addr string) error                                         { return nil }
func (app *App) ListenTLS(addr, certFile, keyFile string) error                   { return nil }
func (app *App) ListenTLSWithCertificate(addr string, cert tls.Certificate) error { return nil }
func (app *App) ListenMutualTLS(addr, certFile, keyFile, clientCertFile string) error {
	return nil
}
func (app *App) ListenMutualTLSWithCertificate(addr string, cert tls.Certificate, clientCertPool *x509.CertPool) error {
	return nil
}
