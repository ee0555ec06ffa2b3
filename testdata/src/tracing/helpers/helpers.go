// Package helpers returns addresses from functions.
package helpers

import (
	"net"
	"net/http"
	"os"
)

const defaultPort = "8080"

func addr() string { return ":8080" }

func hostPort() (string, error) { return "localhost:9090", nil }

func metricsAddr(dev bool) string {
	if dev {
		return "localhost:9100"
	}
	return "127.0.0.1:9100"
}

func named() (addr string) {
	addr = ":7070"
	return
}

type server struct{}

func (server) address() string { return ":6060" }

func run() {
	go http.ListenAndServe(addr(), nil) // want `hard-coded port 8080`
	hp, err := hostPort()
	if err == nil {
		go http.ListenAndServe(hp, nil) // want `hard-coded port 9090: the platform routes only \$PORT`
	}
	go http.ListenAndServe(metricsAddr(true), nil)  // want `hard-coded port 9100: the platform routes only \$PORT`
	go http.ListenAndServe(named(), nil)            // want `hard-coded port 7070`
	go http.ListenAndServe(server{}.address(), nil) // want `hard-coded port 6060`
	go net.Listen("tcp", ":"+portNumber())          // want `hard-coded port 8080` `can take the port of .*address already in use`
}

func portNumber() string { return defaultPort }

// Helpers that read the environment on some path are configuration.
func envAddr() string {
	if v := os.Getenv("ADDR"); v != "" {
		return v
	}
	return ":8080"
}

func fromParam(p string) string { return ":" + p }

func recursive(n int) string {
	if n == 0 {
		return ":8080"
	}
	return recursive(n - 1)
}

type addresser interface{ address() string }

func negatives(a addresser, f func() string) {
	go http.ListenAndServe(envAddr(), nil)
	go http.ListenAndServe(fromParam(os.Getenv("PORT")), nil)
	go http.ListenAndServe(recursive(3), nil) // want `can take the port of .*address already in use`
	go http.ListenAndServe(a.address(), nil)
	go http.ListenAndServe(f(), nil)
}
