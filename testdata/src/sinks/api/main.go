// Command api starts the servers of package server with hard-coded
// addresses: each is reported where it is written.
package main

import (
	"log"
	"net/http"
	"os"

	"sinks/server"
)

type app struct{ server.Base }

func main() {
	go server.Run(":8080")                                                // want `server\.Run listens on hard-coded port 8080`
	go server.ServeOn(9091, nil)                                          // want `server\.ServeOn listens on hard-coded port 9091`
	admin := server.New(server.Config{Addr: "localhost:9090", Name: "x"}) // want `server\.Config\.Addr listens on hard-coded port 9090: the platform routes only \$PORT, to the primary server server\.Run.*from \$ADMIN_PORT`
	go admin.Start()
	go server.Web{Port: 9092}.Start()                    // want `server\.Web\.Port listens on hard-coded port 9092`
	go server.NewAPI(":9093").Run()                      // want `server\.NewAPI listens on hard-coded port 9093`
	go server.NewServer(server.Address(":9094")).Start() // want `server\.Address listens on hard-coded port 9094`
	if ln, err := server.Listen(":9096"); err == nil {   // want `server\.Listen listens on hard-coded port 9096: the platform routes only \$PORT, to the primary server server\.Run`
		go http.Serve(ln, nil)
	}
	mws := []string{"log"}
	go server.RunWith(":9097", mws...) // want `server\.RunWith listens on hard-coded port 9097`
	go server.ServeDefault(":9098")    // want `server\.ServeDefault listens on hard-coded port 9098`
	go server.NewDefaulted("").Run()   // want `server\.NewDefaulted listens on hard-coded port 8090`
	go server.NewDefaulted(os.Getenv("DEFAULTED_ADDR")).Run()
	go server.ServeOr("") // want `server\.ServeOr listens on hard-coded port 8091`
	go server.ServeOr(os.Getenv("OR_ADDR"))
	var a app
	go a.Listen(":9095")           // want `server\.Base\.Listen listens on hard-coded port 9095`
	log.Fatal(server.Run(":8081")) // want `server\.Run listens on hard-coded port 8081`
}
