// Command hertz starts hertz servers.
package main

import (
	"context"
	"net"
	"os"

	"github.com/cloudwego/hertz/pkg/app"
	"github.com/cloudwego/hertz/pkg/app/server"
	"github.com/cloudwego/hertz/pkg/common/config"
)

func main() {
	h := server.Default(server.WithHostPorts(":8888")) // portlint:want
	h.GET("/ping", func(ctx context.Context, c *app.RequestContext) { c.String(200, "pong") })
	h.Spin()

	server.New(server.WithHostPorts("127.0.0.1:8080")).Spin() // portlint:want

	opts := []config.Option{
		server.WithHostPorts("localhost:" + os.Getenv("PORT")), // portlint:want
	}
	server.New(opts...).Spin()
}

// defaults listen on hertz's default address, :8888.
func defaults() {
	server.Default().Spin() // portlint:want
}

func negatives(ln net.Listener) {
	server.Default(server.WithHostPorts(":" + os.Getenv("PORT"))).Spin()
	server.Default(server.WithHostPorts(":0")).Spin()
	server.Default(server.WithListener(ln)).Spin()
	server.Default(server.WithNetwork("unix"), server.WithHostPorts("/tmp/hertz.sock")).Spin()
}
