// Package main starts beego servers in the ways real programs do.
package main

import (
	"os"

	"github.com/beego/beego/v2/server/web"
)

func main() {
	web.Run(":8080")                              // want `web.Run listens on hard-coded port 8080: read the port from`
	web.Run("localhost:8080")                     // want `web.Run listens on hard-coded port 8080 and loopback host "localhost"`
	web.RunWithMiddleWares(":8080")               // want `web.RunWithMiddleWares listens on hard-coded port 8080`
	web.RunWithMiddleWares("127.0.0.1:8080", nil) // want `web.RunWithMiddleWares listens on hard-coded port 8080 and loopback host "127.0.0.1"`
	web.BeeApp.Run(":8080")                       // want `web.HttpServer.Run listens on hard-coded port 8080`
	web.NewHttpSever().Run("localhost:9090")      // want `web.HttpServer.Run listens on hard-coded port 9090 and loopback host "localhost"`
}

// With no address (or an empty one) beego reads conf/app.conf.
func negatives() {
	web.Run()
	web.Run("")
	web.Run(os.Getenv("ADDR"))
	web.Run(":" + os.Getenv("PORT"))
	web.RunWithMiddleWares("")
	web.BeeApp.Run("")
	web.NewHttpSever().Run(":" + os.Getenv("PORT"))
}
