// Command layeredcmd hands package layered's configs to its own helpers,
// which listen on their fields.
package main

import (
	"encoding/json"
	"fmt"
	"log"
	"net"
	"net/http"
	"os"

	"fields/layered"
)

// serve reads the field through its parameter: its one caller's config.
func serve(c *layered.Config) error {
	return http.ListenAndServe(c.HTTP.Addr, nil) // want `^http\.ListenAndServe listens on hard-coded port 7010 and loopback host "localhost"`
}

func metrics(m layered.Metrics) {
	http.ListenAndServe(fmt.Sprintf(":%d", m.Port), nil) // want `^http\.ListenAndServe listens on hard-coded port 7011: `
}

// decode lets a decoder write the struct it is handed: Bind is configured.
func decode(d *layered.Decoded) *layered.Decoded {
	json.Unmarshal([]byte(os.Getenv("CONFIG")), d)
	return d
}

// tweak writes Bind itself: the command's own write makes it unknown.
func tweak(t *layered.Tweaked) { t.Bind = os.Getenv("BIND") }

func main() {
	go metrics(layered.DefaultMetrics())
	d := decode(layered.NewDecoded())
	go http.ListenAndServe(d.Bind, nil)
	t := layered.NewTweaked()
	tweak(t)
	go http.ListenAndServe(t.Bind, nil)
	l := layered.LoadLoaded()
	go http.ListenAndServe(net.JoinHostPort(l.Host, l.Port), nil) // want `^http\.ListenAndServe listens on hard-coded port 7014: the platform routes only \$PORT`
	log.Fatal(serve(layered.Load()))
}
