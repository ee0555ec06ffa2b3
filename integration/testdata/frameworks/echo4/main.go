// Command echo4 starts echo v4 servers.
package main

import (
	"net/http"
	"os"

	"github.com/labstack/echo/v4"
	"golang.org/x/net/http2"
)

func main() {
	e := echo.New()
	e.GET("/", func(c echo.Context) error { return c.String(http.StatusOK, "hello") })
	e.Logger.Fatal(e.Start(":1323"))                                // portlint:want
	e.Logger.Fatal(e.Start("localhost:1323"))                       // portlint:want
	e.Logger.Fatal(e.StartTLS(":8443", "cert.pem", "key.pem"))      // portlint:want
	e.Logger.Fatal(e.StartAutoTLS(":443"))                          // portlint:want
	e.Logger.Fatal(e.StartH2CServer(":1323", &http2.Server{}))      // portlint:want
	e.Logger.Fatal(e.StartServer(&http.Server{Addr: "[::1]:8080"})) // portlint:want
	e.Server.Addr = ":8080"                                         // portlint:want
	e.Logger.Fatal(e.StartServer(e.Server))
}

func negatives() {
	e := echo.New()
	_ = e.Start(":" + os.Getenv("PORT"))
	_ = e.Start(os.Getenv("LISTEN_ADDR"))
	_ = e.Start("127.0.0.1:0")
	_ = e.StartTLS(os.Getenv("ADDR"), "cert.pem", "key.pem")
	_ = e.StartServer(&http.Server{Addr: ":" + os.Getenv("PORT"), Handler: e})
}
