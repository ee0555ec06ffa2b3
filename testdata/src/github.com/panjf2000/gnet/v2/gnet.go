// Package gnet is a stub of github.com/panjf2000/gnet/v2 v2.9.7: the
// functions that start an engine, with their real parameter lists. The
// address names its network as a scheme: "tcp://:9000".
package gnet

// Action is what an event handler asks of the engine.
type Action int

// Conn is a connection.
type Conn interface {
	Next(n int) ([]byte, error)
	Write(b []byte) (int, error)
}

// EventHandler handles the engine's events.
type EventHandler interface {
	OnTraffic(c Conn) (action Action)
}

// BuiltinEventEngine is a no-op EventHandler to embed.
type BuiltinEventEngine struct{}

func (*BuiltinEventEngine) OnTraffic(_ Conn) (action Action) { return 0 }

// Options are the engine's settings.
type Options struct {
	Multicore bool
	ReusePort bool
}

// Option sets an option.
type Option func(opts *Options)

func WithMulticore(multicore bool) Option { return func(opts *Options) { opts.Multicore = multicore } }
func WithReusePort(reusePort bool) Option { return func(opts *Options) { opts.ReusePort = reusePort } }

func Run(eventHandler EventHandler, protoAddr string, opts ...Option) error  { return nil }
func Rotate(eventHandler EventHandler, addrs []string, opts ...Option) error { return nil }
