// Package twosrv keeps its two servers in fields: New builds them from
// the options' ports, Run starts the admin one in the background and
// serves the API until it fails.
package twosrv

import (
	"fmt"
	"net/http"
)

type Options struct {
	Port      int // want Port:`sink: port of http\.Server\.Addr`
	AdminPort int // want AdminPort:`sink: port of http\.Server\.Addr`
}

type App struct{ api, admin *http.Server }

func New(o Options) *App {
	return &App{
		api:   &http.Server{Addr: fmt.Sprintf(":%d", o.Port)},
		admin: &http.Server{Addr: fmt.Sprintf(":%d", o.AdminPort)},
	}
}

func (a *App) Run() error { // want Run:`serves`
	go a.admin.ListenAndServe()
	return a.api.ListenAndServe()
}

// Both serves both servers in goroutines and waits for the first to fail.
type Both struct{ api, admin *http.Server }

func NewBoth(o Options) *Both {
	return &Both{
		api:   &http.Server{Addr: fmt.Sprintf(":%d", o.Port)},
		admin: &http.Server{Addr: fmt.Sprintf(":%d", o.AdminPort)},
	}
}

func (b *Both) Run() error { // want Run:`serves`
	errc := make(chan error, 2)
	go func() { errc <- b.api.ListenAndServe() }()
	go func() { errc <- b.admin.ListenAndServe() }()
	return <-errc
}

// ListenAndServe runs an app: a call of a function, not a method, that
// a server field's start is looked for among.
func ListenAndServe(a *App) error { return a.Run() }

func serveDefault() error { return ListenAndServe(New(Options{})) }
