// Package cfgaddr keeps a host and a port in a config whose Addr method // want package:`has exported address variables`
// joins them; Default fills both with constants.
package cfgaddr

import (
	"fmt"
	"net"
	"strconv"
)

type Config struct {
	Host string // want Host:`holds "127\.0\.0\.1"`
	Port int    // want Port:`holds "8080"`
}

func (c Config) Addr() string { // want Addr:`returns "{Host}:{Port}"`
	return fmt.Sprintf("%s:%d", c.Host, c.Port)
}

// Default is the only writer of Config's fields.
func Default() Config { return Config{Host: "127.0.0.1", Port: 8080} }

// Admin keeps its port in a field the importer sets.
type Admin struct{ Port string }

func (a *Admin) Addr() string { return net.JoinHostPort("", a.Port) } // want Addr:`returns ":{Port}"`

// Busy changes its receiver before it returns: its result is not its
// fields' values.
type Busy struct{ Port int }

func (b Busy) Addr() string {
	b.Port++
	return ":" + strconv.Itoa(b.Port)
}

func NewBusy() Busy { return Busy{Port: 9090} }

// Getter keeps its address in an unexported field, which only this
// package can write: NewGetter is its one writer.
type Getter struct{ addr string } // want addr:`holds ":7070"`

func NewGetter() *Getter { return &Getter{addr: ":7070"} }

func (g *Getter) Addr() string { return g.addr } // want Addr:`returns "{addr}"`

// Settable's address is also set by its importers, through SetAddr.
type Settable struct{ addr string }

func NewSettable() *Settable { return &Settable{addr: ":7071"} }

func (s *Settable) SetAddr(a string) { s.addr = a }

func (s *Settable) Addr() string { return s.addr } // want Addr:`returns "{addr}"`
