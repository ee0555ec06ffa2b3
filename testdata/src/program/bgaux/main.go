// Command bgaux starts every server in a goroutine and waits for a
// signal: the app, not the metrics server named so, reads $PORT; the
// profiler's mux on loopback is private.
package main

import (
	"net/http"
	"net/http/pprof"
	"os"
	"os/signal"
)

const metricsAddr = ":9100"

func main() {
	go http.ListenAndServe(metricsAddr, nil) // want `http\.ListenAndServe listens on hard-coded port 9100: the platform routes only \$PORT, to the primary server http\.ListenAndServe \(main\.go:21\); read this listener's port from \$METRICS_PORT`
	dbg := http.NewServeMux()
	dbg.HandleFunc("/debug/pprof/", pprof.Index)
	go http.ListenAndServe("localhost:6060", dbg) // the profiler, on loopback: private
	app := http.NewServeMux()
	go http.ListenAndServe(":8080", app) // want `http\.ListenAndServe listens on hard-coded port 8080: read the port from \$PORT`
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, os.Interrupt)
	<-sig
}

// A mux serving the app beside the profiler is not a debugging one.
func mixed() {
	m := http.NewServeMux()
	m.HandleFunc("/debug/pprof/", pprof.Index)
	m.Handle("/", http.NotFoundHandler())
	http.ListenAndServe("localhost:6061", m) // want `http\.ListenAndServe listens on hard-coded port 6061 and loopback host "localhost": read the port from \$PORT and bind 0\.0\.0\.0`
}
