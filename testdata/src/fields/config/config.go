package config // want package:`has exported address variables`

// Package config builds the settings its commands listen on.

import "encoding/json"

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
