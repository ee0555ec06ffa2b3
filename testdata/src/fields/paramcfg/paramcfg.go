// Package paramcfg declares a config its importers fill and listen on.
package paramcfg

type Config struct {
	Addr string
	Name string
}
