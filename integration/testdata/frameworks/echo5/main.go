// Command echo5 starts echo v5 servers.
package main

import (
	"context"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"

	"github.com/labstack/echo/v5"
)

func main() {
	e := echo.New()
	e.GET("/", func(c *echo.Context) error { return c.String(http.StatusOK, "hello") })
	if err := e.Start(":1323"); err != nil { // portlint:want
		slog.Error(err.Error())
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	sc := echo.StartConfig{Address: ":1323"} // portlint:want
	_ = sc.Start(ctx, e)

	tls := echo.StartConfig{
		Address:    "localhost:8443", // portlint:want
		HideBanner: true,
	}
	_ = tls.StartTLS(ctx, e, "cert.pem", "key.pem")

	var late echo.StartConfig
	late.Address = "127.0.0.1:" + os.Getenv("PORT") // portlint:want
	_ = late.Start(ctx, e)
}

func negatives(ctx context.Context, ln net.Listener) {
	e := echo.New()
	_ = e.Start(":" + os.Getenv("PORT"))
	_ = echo.StartConfig{Address: ":" + os.Getenv("PORT")}.Start(ctx, e)
	_ = echo.StartConfig{Address: ":0", HidePort: true}.Start(ctx, e)
	_ = echo.StartConfig{Listener: ln}.Start(ctx, e)
}
