// Command api is a realistic service with the listen sites portlint fixes.
package main

import (
	"fmt"
	"log"
	"net"
	"net/http"

	"example.com/fixmod/internal/debug"
	"example.com/fixmod/internal/metrics"
	"example.com/fixmod/internal/server"
)

const defaultAddr = "localhost:8080"

func main() {
	addr := defaultAddr
	log.Printf("api listening on %s", addr)

	go metrics.Serve()
	go debug.Serve()

	grpcLn, err := net.Listen("tcp", fmt.Sprintf(":%d", 50051))
	if err != nil {
		log.Fatal(err)
	}
	defer grpcLn.Close()

	srv := server.New(http.DefaultServeMux)
	srv.Addr = addr
	log.Fatal(srv.ListenAndServe())
}
