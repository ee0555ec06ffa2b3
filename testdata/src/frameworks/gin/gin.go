// Package main starts gin servers in the ways real programs do.
package main

import (
	"net"
	"net/http"
	"os"

	"github.com/gin-gonic/gin"
)

const apiAddr = ":8081"

func main() {
	r := gin.Default()
	r.Run(":8080")          // want `gin.Engine.Run listens on hard-coded port 8080: read the port from`
	r.Run("localhost:8080") // want `gin.Engine.Run listens on hard-coded port 8080 and loopback host "localhost": read the port from .* and bind 0.0.0.0`
	r.Run(apiAddr)          // want `gin.Engine.Run listens on hard-coded port 8081`

	addr := "127.0.0.1:9000"
	r.Run(addr) // want `gin.Engine.Run listens on hard-coded port 9000 and loopback host "127.0.0.1"`

	r.Run("localhost:" + os.Getenv("PORT"))                // want `gin.Engine.Run listens on loopback host "localhost".*: bind 0.0.0.0`
	r.RunTLS(":8443", "cert.pem", "key.pem")               // want `gin.Engine.RunTLS listens on hard-coded port 8443`
	r.RunQUIC("127.0.0.1:4433", "cert.pem", "key.pem")     // want `gin.Engine.RunQUIC listens on hard-coded port 4433 and loopback host "127.0.0.1"`
	gin.New().RunTLS("0.0.0.0:443", "cert.pem", "key.pem") // want `gin.Engine.RunTLS listens on hard-coded port 443:`
}

// Run with no argument reads $PORT itself; the others are configured,
// ephemeral, unix or listener-taking.
func negatives(addrs []string, ln net.Listener) {
	r := gin.New()
	r.Run()
	r.Run(os.Getenv("ADDR"))
	r.Run(":" + os.Getenv("PORT"))
	r.Run("0.0.0.0:" + os.Getenv("PORT"))
	r.Run(":0")
	r.Run("127.0.0.1:0")
	r.Run(addrs...)
	r.RunTLS(os.Getenv("ADDR"), "cert.pem", "key.pem")
	r.RunUnix("/tmp/gin.sock")
	r.RunFd(3)
	r.RunListener(ln)

	addr := ":8080"
	if p := os.Getenv("PORT"); p != "" {
		addr = ":" + p
	}
	r.Run(addr)
}

// engine looks like gin's but is not it.
type engine struct{}

func (engine) Run(addr ...string) error { return nil }

func lookalike() {
	gin := engine{}
	gin.Run(":8080")
}

// server embeds gin's engine: its Run is gin's.
type server struct {
	*gin.Engine
	name string
}

func embedded() {
	s := server{Engine: gin.New(), name: "api"}
	go s.Run(":8080") // want `gin.Engine.Run listens on hard-coded port 8080`
	(*gin.Engine).Run(s.Engine)
	(*gin.Engine).Run(s.Engine, ":9090")                           // want `gin.Engine.Run listens on hard-coded port 9090`
	(*gin.Engine).RunTLS(s.Engine, ":8443", "cert.pem", "key.pem") // want `gin.Engine.RunTLS listens on hard-coded port 8443`
}

// Run with no argument is a server on $PORT: a metrics server beside it
// gets a variable of its own, whichever main waits on.
func withMetrics() {
	r := gin.Default()
	go http.ListenAndServe(":9090", http.NewServeMux()) // want `http\.ListenAndServe listens on hard-coded port 9090: the platform routes only \$PORT, to the primary server gin\.Engine\.Run \(gin\.go:\d+\); read this listener's port from \$WITH_METRICS_PORT`
	r.Run()
}

func metricsWaited() {
	r := gin.Default()
	go r.Run()
	http.ListenAndServe(":9091", http.NewServeMux()) // want `http\.ListenAndServe listens on hard-coded port 9091: the platform routes only \$PORT, to the primary server gin\.Engine\.Run \(gin\.go:\d+\); read this listener's port from \$METRICS_WAITED_PORT`
}
