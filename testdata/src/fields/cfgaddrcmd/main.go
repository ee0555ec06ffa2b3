// Command cfgaddrcmd listens on addresses another package's methods
// build from their receivers' fields.
package main

import (
	"fields/cfgaddr"
	"net/http"
	"os"
)

func main() {
	a := &cfgaddr.Admin{Port: os.Getenv("ADMIN_PORT")}
	go http.ListenAndServe(a.Addr(), nil) // configured
	go http.ListenAndServe(cfgaddr.NewBusy().Addr(), nil)
	g := cfgaddr.NewGetter()
	go http.ListenAndServe(g.Addr(), nil) // want `hard-coded port 7070: .*\$PORT_7070$`
	s := cfgaddr.NewSettable()
	s.SetAddr(os.Getenv("ADDR"))
	go http.ListenAndServe(s.Addr(), nil) // configured
	c := cfgaddr.Default()
	http.ListenAndServe(c.Addr(), nil) // want `^http\.ListenAndServe listens on hard-coded port 8080 and loopback host "127\.0\.0\.1"`
}
