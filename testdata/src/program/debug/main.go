// Command debug serves the profiler on loopback: private by design.
package main

import (
	"expvar"
	"log"
	"net"
	"net/http"
	_ "net/http/pprof"
)

func main() {
	go http.ListenAndServe("localhost:6060", nil)
	go http.ListenAndServe("127.0.0.1:6061", expvar.Handler())

	ln, err := net.Listen("tcp", "localhost:6062")
	if err != nil {
		log.Fatal(err)
	}
	go http.Serve(ln, nil)

	dbg := &http.Server{Addr: "localhost:6063"}
	go dbg.ListenAndServe()

	// A loopback server of the app's own handler is an internal listener
	// like any other: its port is reported, its host kept.
	go http.ListenAndServe("localhost:6064", appMux()) // want `hard-coded port 6064: .*\$PORT_6064$`

	// The profiler on all interfaces is reported as before: the fix keeps
	// it where it was, and never makes it more public.
	go http.ListenAndServe(":6065", nil) // want `hard-coded port 6065: .*\$PORT_6065$`

	// The app's own handler, set apart from the address: no debugging
	// endpoint, so its port is reported like any secondary's.
	app := &http.Server{Handler: appMux()}
	app.Addr = "localhost:6066" // want `hard-coded port 6066: .*\$APP_PORT$`
	go app.ListenAndServe()

	log.Fatal(http.ListenAndServe(":8080", appMux())) // want `^http\.ListenAndServe listens on hard-coded port 8080: read the port from \$PORT$`
}

func appMux() http.Handler { return http.NewServeMux() }
