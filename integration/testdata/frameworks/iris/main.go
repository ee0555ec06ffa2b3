// Command iris starts iris servers.
package main

import (
	"net"
	"net/http"
	"os"

	"github.com/kataras/iris/v12"
)

func main() {
	app := iris.New()
	app.Get("/", func(ctx iris.Context) { ctx.WriteString("hello") })
	_ = app.Listen(":8080")                                                         // portlint:want
	_ = app.Listen("localhost:8080", iris.WithoutServerError(iris.ErrServerClosed)) // portlint:want
	_ = app.Run(iris.Addr(":8080"))                                                 // portlint:want
	_ = app.Run(iris.Addr("127.0.0.1:8080"))                                        // portlint:want
	_ = app.Run(iris.TLS(":443", "cert.pem", "key.pem"))                            // portlint:want
	_ = app.Run(iris.AutoTLS(":443", "example.com", "admin@example.com"))           // portlint:want
	_ = app.Run(iris.Server(&http.Server{Addr: ":8080"}))                           // portlint:want
}

func negatives(ln net.Listener) {
	app := iris.Default()
	_ = app.Listen(":" + os.Getenv("PORT"))
	_ = app.Run(iris.Addr(os.Getenv("ADDR")))
	_ = app.Run(iris.Addr(":0"))
	_ = app.Run(iris.Listener(ln))
	srv := &http.Server{Addr: os.Getenv("ADDR")}
	_ = app.Run(iris.Server(srv))
	_ = app.Run(iris.Raw(srv.ListenAndServe))
}
