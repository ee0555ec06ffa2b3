// Package main starts fiber v3 servers in the ways real programs do.
package main

import (
	"net"
	"os"

	"github.com/gofiber/fiber/v3"
)

func main() {
	app := fiber.New()
	app.Listen(":3000")                                                                  // want `fiber.App.Listen listens on hard-coded port 3000: read the port from`
	app.Listen("localhost:3000", fiber.ListenConfig{DisableStartupMessage: true})        // want `fiber.App.Listen listens on hard-coded port 3000 and loopback host "localhost"`
	app.Listen(":443", fiber.ListenConfig{CertFile: "cert.pem", CertKeyFile: "key.pem"}) // want `fiber.App.Listen listens on hard-coded port 443`
}

func negatives(ln net.Listener) {
	app := fiber.New()
	app.Listen(":" + os.Getenv("PORT"))
	app.Listen(":"+os.Getenv("PORT"), fiber.ListenConfig{EnablePrefork: true})
	app.Listen(":0")
	app.Listener(ln)
	app.Listener(ln, fiber.ListenConfig{DisableStartupMessage: true})
}
