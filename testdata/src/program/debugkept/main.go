// Command debugkept keeps its profiler's server in a struct field, or
// hands it to a helper: on loopback, private by design, as in a variable.
package main

import (
	"log"
	"net/http"
	"net/http/pprof"
	"os"
)

type App struct {
	debug *http.Server
	mux   *http.Server
	admin *http.Server
}

func serve(s *http.Server) { log.Println(s.ListenAndServe()) }

// withHandler sets the server's handler: not known to be the profiler.
func withHandler(s *http.Server) {
	s.Handler = appMux()
	log.Println(s.ListenAndServe())
}

func main() {
	dbg := http.NewServeMux()
	dbg.HandleFunc("/debug/pprof/", pprof.Index)
	a := &App{
		debug: &http.Server{Addr: "127.0.0.1:6060"},
		mux:   &http.Server{Addr: "127.0.0.1:6061", Handler: dbg},
		admin: &http.Server{Addr: "127.0.0.1:6062"}, // want `hard-coded port 6062: .*\$ADMIN_PORT$`
	}
	a.admin.Handler = appMux() // the admin server serves the app: not the profiler's
	go func() { log.Println(a.debug.ListenAndServe()) }()
	go func() { log.Println(a.mux.ListenAndServe()) }()
	go func() { log.Println(a.admin.ListenAndServe()) }()
	go serve(&http.Server{Addr: "localhost:6063"})
	go withHandler(&http.Server{Addr: "localhost:6064"}) // want `hard-coded port 6064`
	d := newDebug()
	go d.ListenAndServe()
	api := newLocal()
	api.Handler = appMux() // the app's own: not the profiler's
	go api.ListenAndServe()
	log.Fatal(http.ListenAndServe(":"+os.Getenv("PORT"), nil))
}

// newDebug returns the profiler's server: its one caller sets no handler.
func newDebug() *http.Server { return &http.Server{Addr: "localhost:6065"} }

// newLocal's caller gives its server the app's handler.
func newLocal() *http.Server {
	return &http.Server{Addr: "localhost:6066"} // want `hard-coded port 6066: .*\$LOCAL_PORT$`
}

func appMux() http.Handler { return http.NewServeMux() }
