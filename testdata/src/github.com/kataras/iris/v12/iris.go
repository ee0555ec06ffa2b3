// Package iris is a stub of github.com/kataras/iris/v12 v12.2.11: Listen,
// Run and the Runners with their real parameter lists.
package iris

import (
	"net"
	"net/http"

	"github.com/kataras/iris/v12/core/host"
)

// Application is the framework's instance.
type Application struct{}

// Configurator changes an Application's configuration.
type Configurator func(*Application)

// Runner starts an Application's server.
type Runner func(*Application) error

func New() *Application     { return &Application{} }
func Default() *Application { return &Application{} }

func Listener(l net.Listener, hostConfigs ...host.Configurator) Runner { return nil }
func Server(srv *http.Server, hostConfigs ...host.Configurator) Runner { return nil }
func Addr(addr string, hostConfigs ...host.Configurator) Runner        { return nil }
func TLS(addr string, certFileOrContents, keyFileOrContents string, hostConfigs ...host.Configurator) Runner {
	return nil
}
func AutoTLS(addr string, domain string, email string, hostConfigs ...host.Configurator) Runner {
	return nil
}
func Raw(f func() error) Runner { return nil }

func (app *Application) Listen(hostPort string, withOrWithout ...Configurator) error { return nil }
func (app *Application) Run(serve Runner, withOrWithout ...Configurator) error       { return nil }
