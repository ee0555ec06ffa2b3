// Package main starts echo v4 servers in the ways real programs do.
package main

import (
	"net/http"
	"os"

	"github.com/labstack/echo/v4"
	"golang.org/x/net/http2"
)

func main() {
	e := echo.New()
	e.Start(":1323")                                        // want `echo.Echo.Start listens on hard-coded port 1323: read the port from`
	e.Start("localhost:1323")                               // want `echo.Echo.Start listens on hard-coded port 1323 and loopback host "localhost"`
	e.StartTLS(":8443", "cert.pem", "key.pem")              // want `echo.Echo.StartTLS listens on hard-coded port 8443`
	e.StartTLS("[::1]:8443", []byte("cert"), []byte("key")) // want `echo.Echo.StartTLS listens on hard-coded port 8443 and loopback host "::1"`
	e.StartAutoTLS(":443")                                  // want `echo.Echo.StartAutoTLS listens on hard-coded port 443`
	e.StartH2CServer(":1323", &http2.Server{})              // want `echo.Echo.StartH2CServer listens on hard-coded port 1323`

	// StartServer takes a ready *http.Server: its Addr field is the site.
	e.StartServer(&http.Server{Addr: ":8080", Handler: e}) // want `http.Server.Addr listens on hard-coded port 8080`
	e.Server.Addr = "localhost:8080"                       // want `http.Server.Addr listens on hard-coded port 8080: the platform routes only \$PORT, to the primary server echo.Echo.Start`
	e.StartServer(e.Server)
}

func negatives() {
	e := echo.New()
	e.Start(":" + os.Getenv("PORT"))
	e.Start(os.Getenv("LISTEN_ADDR"))
	e.Start("127.0.0.1:0")
	e.Start(":")
	e.StartTLS(os.Getenv("ADDR"), "cert.pem", "key.pem")
	e.StartServer(&http.Server{Addr: ":" + os.Getenv("PORT"), Handler: e})
	e.StartServer(&http.Server{Handler: e})
}

// server looks like echo's but is not it.
type server struct{}

func (server) Start(address string) error { return nil }

func lookalike() {
	var echo server
	echo.Start(":1323")
}
