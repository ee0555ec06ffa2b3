// Package config holds a service's addresses; other packages listen on them.
package config

import (
	"fmt"
	"os"
)

// Addr is the public address.
func Addr() string { return ":8080" } // want Addr:`returns ":8080"`

// Metrics may be on either host.
func Metrics(local bool) string { // want Metrics:`returns "localhost:9090" or "127\.0\.0\.1:9090"`
	if local {
		return "localhost:9090"
	}
	return "127.0.0.1:9090"
}

// Port is a number.
func Port() int { return 3000 } // want Port:`returns "3000"`

// Listen reads the environment: no fact.
func Listen() string {
	if v := os.Getenv("ADDR"); v != "" {
		return v
	}
	return ":8080"
}

func unexported() string { return ":8081" }

// Unexported calls a helper: no fact, only constants count.
func Unexported() string { return unexported() }

// Name and Version are constants but no address, port or loopback host:
// no fact.
func Name() string { return "svc" }

func Version() int { return 70000 }

// Prefix and Bind are parts of an address: a host with its colon, a
// bracketed loopback host.
func Prefix() string { return "127.0.0.1:" } // want Prefix:`returns "127\.0\.0\.1:"`

func Bind() string { return "[::1]" } // want Bind:`returns "\[::1\]"`

// Network and AllInterfaces are part of an address too: a network name
// and an IP host.
func Network() string { return "tcp" } // want Network:`returns "tcp"`

func AllInterfaces() string { return "0.0.0.0" } // want AllInterfaces:`returns "0\.0\.0\.0"`

// Built builds its address from constants: the value model says which.
func Built() string { return fmt.Sprintf(":%d", defaultPort) } // want Built:`returns ":8088"`

const defaultPort = 8088
