// Command paramcfgcmd hands another package's config to a helper that
// listens on its address: the config written here is the address.
package main

import (
	"fields/paramcfg"
	"log"
	"net/http"
	"os"
)

func run(cfg paramcfg.Config) error { return http.ListenAndServe(cfg.Addr, nil) }

func main() {
	go run(paramcfg.Config{Addr: os.Getenv("ADMIN_ADDR")}) // configured
	overridden := paramcfg.Config{Addr: ":8088"}
	paramcfg.Override(&overridden) // another package may change it
	go run(overridden)
	log.Fatal(run(paramcfg.Config{Addr: ":8087"})) // want `^paramcfg\.Config\.Addr listens on hard-coded port 8087: read the port from \$PORT$`
}
