// Command pprofcmd serves the profiler on loopback through another
// package's options: private by design, never reported. On all
// interfaces, it is a server of its own.
package main

import (
	"log"
	"net/http"
	"os"

	"fields/pprofopts"
)

func main() {
	pprofopts.Start(pprofopts.Options{PprofAddr: "localhost:6060"})
	pprofopts.Start(pprofopts.Options{PprofAddr: ":6061"}) // want `pprofopts\.Options\.PprofAddr listens on hard-coded port 6061: the platform routes only \$PORT`
	log.Fatal(http.ListenAndServe(":"+os.Getenv("PORT"), http.NewServeMux()))
}
