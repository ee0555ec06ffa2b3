// Command paramcfgcmd hands another package's config to a helper that
// listens on its address: the config written here is the address.
package main

import (
	"fields/paramcfg"
	"log"
	"net/http"
)

func run(cfg paramcfg.Config) error { return http.ListenAndServe(cfg.Addr, nil) }

func main() {
	log.Fatal(run(paramcfg.Config{Addr: ":8087"})) // want `^paramcfg\.Config\.Addr listens on hard-coded port 8087: read the port from \$PORT$`
}
