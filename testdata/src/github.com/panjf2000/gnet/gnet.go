// Package gnet is a stub of github.com/panjf2000/gnet v1.6.7: Serve with
// its real parameter list. The address may name its network as a scheme
// ("udp://:9000"); without one it is tcp.
package gnet

// Action is what an event handler asks of the server.
type Action int

// Conn is a connection.
type Conn interface{ RemoteAddr() string }

// EventHandler handles the server's events.
type EventHandler interface {
	React(packet []byte, c Conn) (out []byte, action Action)
}

// EventServer is a no-op EventHandler to embed.
type EventServer struct{}

func (es *EventServer) React(packet []byte, c Conn) (out []byte, action Action) { return nil, 0 }

// Options are the server's settings.
type Options struct{ Multicore bool }

// Option sets an option.
type Option func(opts *Options)

func WithMulticore(multicore bool) Option { return func(opts *Options) { opts.Multicore = multicore } }

func Serve(eventHandler EventHandler, protoAddr string, opts ...Option) (err error) { return nil }
