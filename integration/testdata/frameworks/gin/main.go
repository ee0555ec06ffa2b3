// Command gin starts gin servers.
package main

import (
	"log"
	"net"
	"net/http"
	"os"

	"github.com/gin-gonic/gin"
)

const apiAddr = ":8081"

func router() *gin.Engine {
	r := gin.Default()
	r.GET("/ping", func(c *gin.Context) { c.String(http.StatusOK, "pong") })
	return r
}

func main() {
	r := router()
	log.Fatal(r.Run(":8080"))          // portlint:want
	log.Fatal(r.Run("localhost:8080")) // portlint:want
	log.Fatal(r.Run(apiAddr))          // portlint:want

	addr := "127.0.0.1:9000"
	log.Fatal(r.Run(addr)) // portlint:want

	log.Fatal(r.Run("localhost:" + os.Getenv("PORT")))            // portlint:want
	log.Fatal(r.RunTLS(":8443", "cert.pem", "key.pem"))           // portlint:want
	log.Fatal(r.RunQUIC("127.0.0.1:4433", "cert.pem", "key.pem")) // portlint:want
}

func negatives(addrs []string, ln net.Listener) {
	r := router()
	_ = r.Run() // gin reads $PORT itself
	_ = r.Run(os.Getenv("ADDR"))
	_ = r.Run(":" + os.Getenv("PORT"))
	_ = r.Run(":0")
	_ = r.Run(addrs...)
	_ = r.RunUnix("/tmp/gin.sock")
	_ = r.RunFd(3)
	_ = r.RunListener(ln)

	addr := ":8080"
	if p := os.Getenv("PORT"); p != "" {
		addr = ":" + p
	}
	_ = r.Run(addr)
}
