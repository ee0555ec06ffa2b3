// Command fiber2 starts fiber v2 servers.
package main

import (
	"crypto/tls"
	"crypto/x509"
	"log"
	"net"
	"os"

	"github.com/gofiber/fiber/v2"
)

const port = "3000"

func main() {
	app := fiber.New()
	app.Get("/", func(c *fiber.Ctx) error { return c.SendString("hello") })
	log.Fatal(app.Listen(":3000"))                                                                // portlint:want
	log.Fatal(app.Listen("localhost:3000"))                                                       // portlint:want
	log.Fatal(app.Listen(":" + port))                                                             // portlint:want
	log.Fatal(app.ListenTLS(":443", "cert.pem", "key.pem"))                                       // portlint:want
	log.Fatal(app.ListenTLSWithCertificate("127.0.0.1:8443", tls.Certificate{}))                  // portlint:want
	log.Fatal(app.ListenMutualTLS(":8443", "cert.pem", "key.pem", "ca.pem"))                      // portlint:want
	log.Fatal(app.ListenMutualTLSWithCertificate(":8443", tls.Certificate{}, x509.NewCertPool())) // portlint:want
}

func negatives(ln net.Listener) {
	app := fiber.New(fiber.Config{Prefork: true})
	_ = app.Listen(":" + os.Getenv("PORT"))
	_ = app.Listen(os.Getenv("ADDR"))
	_ = app.Listen("localhost:0")
	_ = app.Listener(ln)

	var l interface{ Listen(addr string) error } = app
	_ = l.Listen(":3000")
}
