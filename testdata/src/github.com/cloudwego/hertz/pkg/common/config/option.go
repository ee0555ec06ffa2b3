// Package config is a stub of github.com/cloudwego/hertz/pkg/common/config
// v0.10.4.
package config

import "net"

// Options are a server's options.
type Options struct {
	Network  string
	Addr     string
	Listener net.Listener
}

// Option sets an option.
type Option struct {
	F func(o *Options)
}
