// Package main starts fiber v2 servers in the ways real programs do.
package main

import (
	"crypto/tls"
	"crypto/x509"
	"net"
	"os"

	"github.com/gofiber/fiber/v2"
)

const port = "3000"

func main() {
	app := fiber.New()
	app.Listen(":3000")                                                                // want `fiber.App.Listen listens on hard-coded port 3000: read the port from`
	app.Listen("localhost:3000")                                                       // want `fiber.App.Listen listens on hard-coded port 3000 and loopback host "localhost": read the port from .* and bind 0.0.0.0`
	app.Listen(":" + port)                                                             // want `fiber.App.Listen listens on hard-coded port 3000`
	app.ListenTLS(":443", "cert.pem", "key.pem")                                       // want `fiber.App.ListenTLS listens on hard-coded port 443`
	app.ListenTLSWithCertificate("127.0.0.1:8443", tls.Certificate{})                  // want `fiber.App.ListenTLSWithCertificate listens on hard-coded port 8443 and loopback host "127.0.0.1"`
	app.ListenMutualTLS(":8443", "cert.pem", "key.pem", "ca.pem")                      // want `fiber.App.ListenMutualTLS listens on hard-coded port 8443`
	app.ListenMutualTLSWithCertificate(":8443", tls.Certificate{}, x509.NewCertPool()) // want `fiber.App.ListenMutualTLSWithCertificate listens on hard-coded port 8443`
	app.Listen("localhost:" + os.Getenv("PORT"))                                       // want `fiber.App.Listen listens on loopback host "localhost".*: bind 0.0.0.0`
}

func negatives(ln net.Listener) {
	app := fiber.New(fiber.Config{Prefork: true})
	app.Listen(":" + os.Getenv("PORT"))
	app.Listen(os.Getenv("ADDR"))
	app.Listen("localhost:0")
	app.ListenTLS(":"+os.Getenv("PORT"), "cert.pem", "key.pem")
	app.Listener(ln)

	// A call through an interface is not a call of fiber's method.
	var l interface{ Listen(addr string) error } = app
	l.Listen(":3000")
}
