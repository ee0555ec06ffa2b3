// Package fiber is a stub of github.com/gofiber/fiber/v3 v3.1.0: Listen and
// Listener with their real parameter lists.
package fiber

import "net"

// Config configures an App.
type Config struct{}

// ListenConfig configures App.Listen.
type ListenConfig struct {
	ListenerNetwork       string
	CertFile              string
	CertKeyFile           string
	DisableStartupMessage bool
	EnablePrefork         bool
}

// App is the framework's instance.
type App struct{}

func New(config ...Config) *App { return &App{} }

func (app *App) Listen(addr string, config ...ListenConfig) error       { return nil }
func (app *App) Listener(ln net.Listener, config ...ListenConfig) error { return nil }
