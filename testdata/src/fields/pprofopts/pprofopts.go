// Package pprofopts serves the profiler where its options say.
package pprofopts

import (
	"net/http"
	_ "net/http/pprof"
)

type Options struct{ PprofAddr string } // want PprofAddr:`sink: address of http\.ListenAndServe`

func Start(o Options) { go http.ListenAndServe(o.PprofAddr, nil) } // want Start:`starts a server`
