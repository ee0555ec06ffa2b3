package config // want package:`has exported address variables`

// Package config builds the settings its commands listen on.

import (
	"encoding/json"
	"flag"
	"fmt"
)

type Config struct {
	Listen string // want Listen:`holds "localhost:7000"`
	Debug  bool
}

// Load sets the address after declaring c: c holds it when returned.
func Load() *Config {
	var c Config
	c.Listen = "localhost:7000"
	return &c
}

type Admin struct{ Addr string } // want Addr:`holds "" or ":7001"`

// DefaultAdmin sets Addr in one construction; NoAdmin leaves it unset.
func DefaultAdmin() Admin { return Admin{Addr: ":7001"} }
func NoAdmin() *Admin     { return new(Admin) }

type File struct{ Bind string }

// Read lets a decoder write a File: its fields hold what the file says.
func Read(b []byte) (*File, error) {
	f := &File{Bind: ":7002"}
	return f, json.Unmarshal(b, f)
}

type Flags struct{ Addr string }

// Set lets a caller write Addr: its address is taken.
func (f *Flags) Set() *string { return &f.Addr }

func NewFlags() *Flags { return &Flags{Addr: ":7003"} }

type Args struct {
	Addr  string // want Addr:`holds "127.0.0.1:…"`
	Admin string
}

// Parse takes the port from a flag and keeps the host its own: the host
// is hard-coded. Admin's host comes from a flag too: nothing is.
func Parse() *Args {
	port := flag.Int("port", 8080, "port")
	host := flag.String("admin-host", "", "host")
	flag.Parse()
	return &Args{Addr: fmt.Sprintf("127.0.0.1:%d", *port), Admin: *host + ":9000"}
}
