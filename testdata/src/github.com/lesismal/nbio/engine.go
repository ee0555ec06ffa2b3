// Package nbio is a stub of github.com/lesismal/nbio v1.6.8: the engine's
// configuration, with the fields of its listeners. An engine listens on
// each of Addrs when Network is set, and on nothing otherwise.
package nbio

const (
	NETWORK_TCP  = "tcp"
	NETWORK_UDP  = "udp"
	NETWORK_UNIX = "unix"
)

// Config configures an engine.
type Config struct {
	Name    string
	Network string
	Addrs   []string
	NPoller int
}

// Conn is a connection.
type Conn struct{}

// Engine is the event loop.
type Engine struct {
	Config
}

func NewEngine(conf Config) *Engine                   { return &Engine{Config: conf} }
func (g *Engine) OnData(h func(c *Conn, data []byte)) {}
func (g *Engine) Start() error                        { return nil }
func (g *Engine) Stop()                               {}
