// Command hostport listens on the address another package's method
// builds of its config's fields: a loopback host and a constant port.
package main

import (
	"io"
	"log"
	"net/http"

	"fieldmod/hostport"
)

func main() {
	http.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, "hello from hostport\n")
	})
	c := hostport.Default()
	log.Fatal(http.ListenAndServe(c.Addr(), nil))
}
