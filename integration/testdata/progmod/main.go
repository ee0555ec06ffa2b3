// Command progmod is the fixture of TestFixedProgramsStart (issue 14, one
// port per program): an app server that main waits on, a metrics server
// on a hard-coded port, and net/http/pprof on a loopback listener. After
// portlint -fix it must start when given one $PORT, and must still keep
// the profiler off all interfaces. The app and metrics servers have muxes
// of their own, so only the loopback listener serves the default mux,
// where pprof registers.
package main

import (
	"log"
	"net/http"
	_ "net/http/pprof"
)

const metricsAddr = ":9090"

func main() {
	go func() { log.Println(http.ListenAndServe("localhost:16060", nil)) }()

	metricsMux := http.NewServeMux()
	metricsMux.HandleFunc("/metrics", func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte("progmod_requests_total 0\n"))
	})
	go func() { log.Println(http.ListenAndServe(metricsAddr, metricsMux)) }()

	appMux := http.NewServeMux()
	appMux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte("hello from progmod\n"))
	})
	srv := &http.Server{Addr: ":8080", Handler: appMux}
	log.Fatal(srv.ListenAndServe())
}
