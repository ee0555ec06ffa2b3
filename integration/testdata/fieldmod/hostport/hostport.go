// Package hostport keeps a host and a port apart in a config whose Addr
// method joins them; Default is the only writer of both.
package hostport

import "fmt"

type Config struct {
	Host string
	Port int
}

// Addr is the address the config names.
func (c Config) Addr() string { return fmt.Sprintf("%s:%d", c.Host, c.Port) }

// Default is the config the command runs with.
func Default() Config { return Config{Host: "127.0.0.1", Port: 7200} }
