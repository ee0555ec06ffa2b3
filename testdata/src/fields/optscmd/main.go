// Command optscmd reads its port from $PORT but binds a loopback host.
package main

import (
	"log"
	"os"

	"fields/opts"
)

func main() {
	log.Fatal(opts.Serve(opts.Opts{Host: "127.0.0.1", Port: os.Getenv("PORT")})) // want `opts\.Opts\.Host listens on loopback host "127\.0\.0\.1", unreachable from outside the container: bind 0\.0\.0\.0`
}
