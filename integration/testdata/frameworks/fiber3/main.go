// Command fiber3 starts fiber v3 servers.
package main

import (
	"log"
	"net"
	"os"

	"github.com/gofiber/fiber/v3"
)

func main() {
	app := fiber.New()
	app.Get("/", func(c fiber.Ctx) error { return c.SendString("hello") })
	log.Fatal(app.Listen(":3000"))                                                                  // portlint:want
	log.Fatal(app.Listen("localhost:3000", fiber.ListenConfig{DisableStartupMessage: true}))        // portlint:want
	log.Fatal(app.Listen(":443", fiber.ListenConfig{CertFile: "cert.pem", CertKeyFile: "key.pem"})) // portlint:want
}

func negatives(ln net.Listener) {
	app := fiber.New()
	_ = app.Listen(":" + os.Getenv("PORT"))
	_ = app.Listen(":"+os.Getenv("PORT"), fiber.ListenConfig{EnablePrefork: true})
	_ = app.Listen(":0")
	_ = app.Listener(ln)
}
