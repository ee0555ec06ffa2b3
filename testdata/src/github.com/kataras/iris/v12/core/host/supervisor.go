// Package host is a stub of github.com/kataras/iris/v12/core/host v12.2.11.
package host

// Supervisor wraps an http.Server.
type Supervisor struct{}

// Configurator configures a Supervisor.
type Configurator func(su *Supervisor)
