// Package server is a stub of github.com/cloudwego/hertz/pkg/app/server
// v0.10.4: the constructors and address options with their real parameter
// lists.
package server

import (
	"net"
	"time"

	"github.com/cloudwego/hertz/pkg/common/config"
)

// Hertz is the framework's instance.
type Hertz struct{}

func New(opts ...config.Option) *Hertz     { return &Hertz{} }
func Default(opts ...config.Option) *Hertz { return &Hertz{} }

func (h *Hertz) Spin() {}

func WithHostPorts(hp string) config.Option      { return config.Option{} }
func WithListener(ln net.Listener) config.Option { return config.Option{} }
func WithNetwork(nw string) config.Option        { return config.Option{} }

func WithExitWaitTime(timeout time.Duration) config.Option { return config.Option{} }
