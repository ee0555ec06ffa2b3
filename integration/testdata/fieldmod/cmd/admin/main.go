// Command admin listens on another field of package config's settings,
// kept in a variable first.
package main

import (
	"io"
	"log"
	"net/http"

	"fieldmod/config"
)

func main() {
	cfg := config.Load()
	log.Fatal(http.ListenAndServe(cfg.AdminAddr, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, "hello from admin\n")
	})))
}
