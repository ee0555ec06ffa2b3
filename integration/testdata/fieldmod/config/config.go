// Package config builds the settings the commands web and admin listen
// on. Load returns constants: no flag, file or environment variable
// sets them, so each is a hard-coded address of its command.
package config

type Config struct {
	Listen    string // the web app
	AdminAddr string // the admin app
	Debug     bool
}

// Load sets the addresses after declaring c: c holds them when returned.
func Load() *Config {
	var c Config
	c.Listen = "localhost:7000"
	c.AdminAddr = ":7001"
	return &c
}
