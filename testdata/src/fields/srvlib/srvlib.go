// Package srvlib builds an http.Server from a config and returns it: its
// caller starts it.
package srvlib

import (
	"fmt"
	"net/http"
)

type Config struct{ Port int } // want Port:`sink: port of http\.Server\.Addr`

func NewHTTPServer(cfg Config, h http.Handler) *http.Server { // want NewHTTPServer:`serves`
	return &http.Server{Addr: fmt.Sprintf(":%d", cfg.Port), Handler: h}
}
