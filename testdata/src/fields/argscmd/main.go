// Command argscmd listens where its flags say, on a host package config
// chose.
package main

import (
	"log"
	"net/http"

	"fields/config"
)

func main() {
	args := config.Parse()
	go http.ListenAndServe(args.Admin, nil)
	log.Fatal(http.ListenAndServe(args.Addr, nil)) // want `http\.ListenAndServe listens on loopback host "127\.0\.0\.1", unreachable from outside the container`
}
