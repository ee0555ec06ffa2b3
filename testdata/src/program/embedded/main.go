// Command embedded starts a server through a type embedding it: the
// promoted ListenAndServe listens on the embedded server's Addr, which
// its literal sets. One server, not a second one on :80.
package main

import (
	"log"
	"net/http"
)

type App struct {
	*http.Server
	name string
}

func main() {
	a := App{Server: &http.Server{Addr: ":8080"}, name: "app"} // want `http\.Server\.Addr listens on hard-coded port 8080: read the port from \$PORT`
	log.Fatal(a.ListenAndServe())
}
