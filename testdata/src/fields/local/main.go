// Command local keeps addresses in structs of its own: a package
// variable holding a struct nothing else writes is read where it
// listens.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"net/http"
	"os"
)

type Settings struct{ Bind, Debug string }

var settings = &Settings{Bind: ":5300"}

type opened struct{ Bind string }

// A flag may set it: its address is taken.
var flagged = &opened{Bind: ":5301"}

type decoded struct{ Bind string } // want Bind:`sink: address of http\.ListenAndServe`

// A decoder may set it.
var fromFile = &decoded{Bind: ":5302"}

var logged = Settings{Debug: ":5303"}

func main() {
	flag.StringVar(&flagged.Bind, "bind", flagged.Bind, "address")
	flag.Parse()
	if b, err := os.ReadFile("config.json"); err == nil {
		_ = json.Unmarshal(b, fromFile)
	}
	log.Print("debug on ", logged.Debug) // read only for logging
	go http.ListenAndServe(flagged.Bind, nil)
	go http.ListenAndServe(fromFile.Bind, nil)
	log.Fatal((&http.Server{Addr: settings.Bind}).ListenAndServe()) // want `http\.Server\.Addr listens on hard-coded port 5300: read the port from \$PORT`
}

type hostPort struct {
	Host string
	Port int
}

// flagPort lets a flag set the port alone: the host is still the
// literal's, a loopback one.
func flagPort() {
	hp := hostPort{Host: "localhost"}
	flag.IntVar(&hp.Port, "port", 8080, "port")
	log.Fatal(http.ListenAndServe(fmt.Sprintf("%s:%d", hp.Host, hp.Port), nil)) // want `^http\.ListenAndServe listens on loopback host "localhost", unreachable from outside the container: bind 0\.0\.0\.0$`
}
