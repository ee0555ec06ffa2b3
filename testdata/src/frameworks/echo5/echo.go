// Package main starts echo v5 servers in the ways real programs do.
package main

import (
	"context"
	"net"
	"os"

	"github.com/labstack/echo/v5"
)

func main() {
	e := echo.New()
	e.Start(":1323") // want `echo.Echo.Start listens on hard-coded port 1323`

	sc := echo.StartConfig{Address: ":1323"} // want `echo.StartConfig.Address listens on hard-coded port 1323: read the port from`
	sc.Start(context.Background(), e)

	tls := echo.StartConfig{
		Address:    "localhost:8443", // want `echo.StartConfig.Address listens on hard-coded port 8443 and loopback host "localhost"`
		HideBanner: true,
	}
	tls.StartTLS(context.Background(), e, "cert.pem", "key.pem")

	var late echo.StartConfig
	late.Address = "127.0.0.1:" + os.Getenv("PORT") // want `echo.StartConfig.Address listens on loopback host "127.0.0.1".*: bind 0.0.0.0`
	late.Start(context.Background(), e)

	(&echo.StartConfig{Address: ":8080"}).Start(context.Background(), e) // want `echo.StartConfig.Address listens on hard-coded port 8080`
}

func negatives(ln net.Listener) {
	e := echo.New()
	e.Start(":" + os.Getenv("PORT"))
	echo.StartConfig{Address: ":" + os.Getenv("PORT")}.Start(context.Background(), e)
	echo.StartConfig{Address: ":0", HidePort: true}.Start(context.Background(), e)
	echo.StartConfig{Listener: ln}.Start(context.Background(), e)
	sc := echo.StartConfig{HideBanner: true}
	sc.Address = os.Getenv("ADDR")
	sc.Start(context.Background(), e)
}

// StartConfig looks like echo's but is not it.
type StartConfig struct{ Address string }

func lookalike() {
	_ = StartConfig{Address: ":1323"}
	var sc StartConfig
	sc.Address = "localhost:1323"
}

var listenAddr = "localhost:1323"

func viaPointer() {
	sc := &echo.StartConfig{HideBanner: true}
	sc.Address = listenAddr // want `echo.StartConfig.Address listens on hard-coded port 1323 and loopback host "localhost"`
	_ = sc.Start(context.Background(), echo.New())
}
