// Command overwrite takes its config from a constructor and sets the
// port right after: the constructor's port never reaches the listener,
// its host does.
package main

import (
	"fmt"
	"log"
	"net/http"
	"os"
	"strconv"
)

type Config struct {
	Host string // want Host:`sink: host of http\.ListenAndServe`
	Port int
}

func defaultConfig() Config { return Config{Host: "localhost", Port: 3000} } // want `overwrite\.Config\.Host listens on loopback host "localhost", unreachable from outside the container: bind 0\.0\.0\.0`

type envConfig struct {
	Host string
	Port int // want Port:`sink: port of http\.ListenAndServe`
}

func fromEnv() envConfig {
	p, _ := strconv.Atoi(os.Getenv("PORT"))
	return envConfig{Host: os.Getenv("HOST"), Port: p}
}

func main() {
	cfg := defaultConfig()
	cfg.Port = 9000
	env := fromEnv()
	env.Host = "0.0.0.0"
	go http.ListenAndServe(fmt.Sprintf("%s:%d", env.Host, env.Port), nil)         // configured: its port is the environment's
	log.Fatal(http.ListenAndServe(fmt.Sprintf("%s:%d", cfg.Host, cfg.Port), nil)) // want `http\.ListenAndServe listens on hard-coded port 9000: read the port from \$PORT`
}
