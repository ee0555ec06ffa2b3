// Package main starts hertz servers in the ways real programs do.
package main

import (
	"net"
	"os"

	"github.com/cloudwego/hertz/pkg/app/server"
	"github.com/cloudwego/hertz/pkg/common/config"
)

func main() {
	h := server.Default(server.WithHostPorts(":8888")) // want `server.WithHostPorts listens on hard-coded port 8888: read the port from`
	h.Spin()

	server.New(server.WithHostPorts("127.0.0.1:8080")).Spin() // want `server.WithHostPorts listens on hard-coded port 8080 and loopback host "127.0.0.1"`

	opts := []config.Option{
		server.WithHostPorts("localhost:" + os.Getenv("PORT")), // want `server.WithHostPorts listens on loopback host "localhost".*: bind 0.0.0.0`
	}
	server.New(opts...).Spin()
}

func defaults() {
	server.Default().Spin()                       // want `server\.Default \(without server\.WithHostPorts\) listens on hard-coded port 8888: read the port from \$PORT`
	server.New(server.WithExitWaitTime(0)).Spin() // want `server\.New \(without server\.WithHostPorts\) listens on hard-coded port 8888`
}

func negatives(ln net.Listener, opts []config.Option) {
	server.Default(opts...).Spin()
	server.New(opts[0]).Spin()
	server.Default(server.WithHostPorts(":" + os.Getenv("PORT"))).Spin()
	server.Default(server.WithHostPorts("0.0.0.0:" + os.Getenv("PORT"))).Spin()
	server.Default(server.WithHostPorts(":0")).Spin()
	server.Default(server.WithListener(ln)).Spin()
	server.Default(server.WithNetwork("unix"), server.WithHostPorts("/tmp/hertz.sock")).Spin()
}
