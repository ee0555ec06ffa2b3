// Command bind listens on a field of a package variable that nothing
// writes after its initializer.
package main

import (
	"io"
	"log"
	"net/http"
)

type Settings struct{ Bind, Greeting string }

var settings = &Settings{Bind: ":5300", Greeting: "hello from bind\n"}

func main() {
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, settings.Greeting)
	})
	log.Fatal((&http.Server{Addr: settings.Bind, Handler: h}).ListenAndServe())
}
