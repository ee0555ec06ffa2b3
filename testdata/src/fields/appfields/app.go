// Package appfields keeps its two servers in fields of one struct: the
// second is named for its field, admin.
package appfields

import "net/http"

type App struct {
	api   *http.Server
	admin *http.Server
}

func New() *App {
	return &App{
		api:   &http.Server{Addr: ":8080"}, // want `^http\.Server\.Addr listens on hard-coded port 8080: read the port from \$PORT$`
		admin: &http.Server{Addr: ":9091"}, // want `read this listener's port from \$ADMIN_PORT`
	}
}

func (a *App) Run() error { // want Run:`serves on port 8080 or port 9091`
	go a.admin.ListenAndServe()
	return a.api.ListenAndServe()
}
