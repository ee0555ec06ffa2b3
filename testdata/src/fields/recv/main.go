// Command recv builds its addresses in methods of a config struct, from
// the receiver's fields: a call reads the fields of its receiver.
package main

import (
	"flag"
	"fmt"
	"log"
	"net/http"
	"os"
	"strconv"
)

type Config struct {
	Host string // want Host:`sink: host of http\.ListenAndServe`
	Port int    // want Port:`sink: port of http\.ListenAndServe`
}

func (c Config) Addr() string { return fmt.Sprintf("%s:%d", c.Host, c.Port) }

// PortAddr reads only: a package variable pointing to a Config is still
// frozen when it calls it.
func (c *Config) PortAddr() string { return fmt.Sprintf(":%d", c.Port) }

func (c *Config) Set(port int) { c.Port = port } // want Set:`sink: param 0 port of http\.ListenAndServe`

// Bumped changes the receiver before reading it.
func (c *Config) Bumped() string {
	c.Port++
	return fmt.Sprintf(":%d", c.Port)
}

var metrics = &Config{Port: 9090}

var admin = &Config{Port: 7070}

var port = flag.Int("port", 8000, "port")

func init() { admin.Set(*port) }

type wrapped struct{ Config }

func main() {
	flag.Parse()
	p, _ := strconv.Atoi(os.Getenv("APP_PORT"))
	env := Config{Port: p}
	go http.ListenAndServe(env.Addr(), nil)
	flagged := Config{Host: "localhost", Port: 8081}
	flagged.Set(*port)
	go http.ListenAndServe(flagged.Addr(), nil)
	bumped := Config{Port: 8082}
	go http.ListenAndServe(bumped.Bumped(), nil)
	go http.ListenAndServe(admin.PortAddr(), nil)
	// A promoted method reads the embedded Config (by its field sink).
	go http.ListenAndServe(wrapped{Config{Port: 8083}}.Addr(), nil) // want `hard-coded port 8083`
	go http.ListenAndServe(metrics.PortAddr(), nil)                 // want `hard-coded port 9090`
	cfg := Config{Host: "localhost", Port: 8080}
	log.Fatal(http.ListenAndServe(cfg.Addr(), nil)) // want `hard-coded port 8080 and loopback host "localhost"`
}
