// Package main starts iris servers in the ways real programs do.
package main

import (
	"net"
	"net/http"
	"os"

	"github.com/kataras/iris/v12"
)

func main() {
	app := iris.New()
	app.Listen(":8080")                                               // want `iris.Application.Listen listens on hard-coded port 8080: read the port from`
	app.Listen("localhost:8080")                                      // want `iris.Application.Listen listens on hard-coded port 8080 and loopback host "localhost"`
	app.Run(iris.Addr(":8080"))                                       // want `iris.Addr listens on hard-coded port 8080`
	app.Run(iris.Addr("127.0.0.1:8080"))                              // want `iris.Addr listens on hard-coded port 8080 and loopback host "127.0.0.1"`
	app.Run(iris.TLS(":443", "cert.pem", "key.pem"))                  // want `iris.TLS listens on hard-coded port 443`
	app.Run(iris.AutoTLS(":443", "example.com", "admin@example.com")) // want `iris.AutoTLS listens on hard-coded port 443`

	// iris.Server takes a ready *http.Server: its Addr field is the site.
	app.Run(iris.Server(&http.Server{Addr: ":8080"})) // want `http.Server.Addr listens on hard-coded port 8080`
}

func negatives(ln net.Listener) {
	app := iris.Default()
	app.Listen(":" + os.Getenv("PORT"))
	app.Run(iris.Addr(os.Getenv("ADDR")))
	app.Run(iris.Addr(":0"))
	app.Run(iris.TLS(":"+os.Getenv("PORT"), "cert.pem", "key.pem"))
	app.Run(iris.Listener(ln))
	srv := &http.Server{Addr: os.Getenv("ADDR")}
	app.Run(iris.Server(srv))
	app.Run(iris.Raw(srv.ListenAndServe))
}
