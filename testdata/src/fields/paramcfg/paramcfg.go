// Package paramcfg declares a config its importers fill and listen on.
package paramcfg

type Config struct {
	Addr string
	Name string
}

// Override may change any field of c.
func Override(c *Config) { c.Addr = "" }
