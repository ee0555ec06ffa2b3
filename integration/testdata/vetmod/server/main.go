// Command server listens where a container platform cannot reach it.
package main

import (
	"log"
	"net"
	"net/http"
	"os"
)

func main() {
	go func() {
		log.Fatal(http.ListenAndServe(":8080", nil))
	}()
	go func() {
		// From the environment: never reported.
		log.Fatal(http.ListenAndServe(":"+os.Getenv("PORT"), nil))
	}()
	l, err := net.Listen("tcp", "localhost:9000")
	if err != nil {
		log.Fatal(err)
	}
	log.Fatal(http.Serve(l, nil))
}
