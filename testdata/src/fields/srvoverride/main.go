// Command srvoverride gives its servers' addresses a constant, then lets
// the environment, a flag or a helper replace it before they start: the
// constant is only a default, not reported.
package main

import (
	"flag"
	"log"
	"net/http"
	"os"
)

func literalThenEnv() {
	srv := &http.Server{Addr: ":8080"}
	if v := os.Getenv("HTTP_ADDR"); v != "" {
		srv.Addr = v
	}
	log.Fatal(srv.ListenAndServe())
}

func assignedThenEnv() {
	srv := &http.Server{}
	srv.Addr = ":8081"
	if v, ok := os.LookupEnv("HTTP_ADDR"); ok {
		srv.Addr = v
	}
	log.Fatal(srv.ListenAndServe())
}

func applyEnv(srv *http.Server) {
	if v := os.Getenv("HTTP_ADDR"); v != "" {
		srv.Addr = v
	}
}

func throughHelper() {
	srv := &http.Server{Addr: "localhost:8082"}
	applyEnv(srv)
	log.Fatal(srv.ListenAndServe())
}

func overrideString(p *string, key string) {
	if v := os.Getenv(key); v != "" {
		*p = v
	}
}

func throughPointer() {
	srv := &http.Server{Addr: ":8083"}
	overrideString(&srv.Addr, "HTTP_ADDR")
	log.Fatal(srv.ListenAndServe())
}

func flagBound() {
	srv := &http.Server{}
	flag.StringVar(&srv.Addr, "addr", "127.0.0.1:8084", "listen address")
	flag.Parse()
	log.Fatal(srv.ListenAndServe())
}

func main() {
	srv := &http.Server{Addr: ":8085"} // want `^http\.Server\.Addr listens on hard-coded port 8085: read the port from \$PORT`
	srv.Handler = http.NotFoundHandler()
	log.Fatal(srv.ListenAndServe())
}
