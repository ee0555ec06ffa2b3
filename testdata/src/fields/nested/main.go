// Command nested keeps its addresses in structs inside structs: a field
// of a field is read through the literals of the variable holding both.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"net/http"
	"os"
	"strconv"
)

type Listen struct{ Port int } // want Port:`sink: port of http\.ListenAndServe`

type Config struct{ HTTP, Metrics Listen }

// Two fields of one type hold two servers' ports, each its own.
var cfg = Config{Metrics: Listen{Port: 9090}, HTTP: Listen{Port: 8080}}

func main() {
	go http.ListenAndServe(fmt.Sprintf(":%d", cfg.Metrics.Port), nil)      // want `http\.ListenAndServe listens on hard-coded port 9090: the platform routes only \$PORT, to the primary server http\.ListenAndServe \(main\.go:24\); read this listener's port from \$PORT_9090`
	log.Fatal(http.ListenAndServe(fmt.Sprintf(":%d", cfg.HTTP.Port), nil)) // want `http\.ListenAndServe listens on hard-coded port 8080: read the port from \$PORT`
}

type ServerConfig struct {
	Host string
	Port int // want Port:`sink: port of http\.ListenAndServe`
}

type App struct{ Server ServerConfig }

// A host and a port in a nested literal are one server.
func hostAndPort() {
	app := App{Server: ServerConfig{Host: "127.0.0.1", Port: 7000}}
	log.Fatal(http.ListenAndServe(fmt.Sprintf("%s:%d", app.Server.Host, app.Server.Port), nil)) // want `http\.ListenAndServe listens on hard-coded port 7000 and loopback host "127\.0\.0\.1": read the port from \$PORT and bind 0\.0\.0\.0`
}

// The nested literal is only a default: a decoder, a flag or the
// environment may set it.
func decoded(b []byte) {
	c := Config{HTTP: Listen{Port: 7001}}
	_ = json.Unmarshal(b, &c)
	log.Fatal(http.ListenAndServe(fmt.Sprintf(":%d", c.HTTP.Port), nil))
}

func flagged() {
	a := App{Server: ServerConfig{Port: 7002}}
	flag.IntVar(&a.Server.Port, "port", a.Server.Port, "port")
	flag.Parse()
	log.Fatal(http.ListenAndServe(fmt.Sprintf(":%d", a.Server.Port), nil))
}

func fromEnv() {
	a := App{Server: ServerConfig{Port: 7003}}
	if p, err := strconv.Atoi(os.Getenv("PORT")); err == nil {
		a.Server.Port = p
	}
	log.Fatal(http.ListenAndServe(fmt.Sprintf(":%d", a.Server.Port), nil))
}

type Embedding struct {
	ServerConfig
	Debug bool
}

// A field promoted from an embedded struct is read through the literal
// that sets it.
var embedded = Embedding{ServerConfig: ServerConfig{Host: "127.0.0.1", Port: 7004}}

func promoted() {
	log.Fatal(http.ListenAndServe(fmt.Sprintf("%s:%d", embedded.Host, embedded.Port), nil)) // want `http\.ListenAndServe listens on hard-coded port 7004 and loopback host "127\.0\.0\.1": read the port from \$PORT and bind 0\.0\.0\.0`
}

// An element of a map is its own literal: the map's variable does not
// hold it field by field.
var servers = map[string]*Listen{"api": {Port: 7005}} // want `nested\.Listen\.Port listens on hard-coded port 7005`

func table() {
	log.Fatal(http.ListenAndServe(fmt.Sprintf(":%d", servers["api"].Port), nil))
}
