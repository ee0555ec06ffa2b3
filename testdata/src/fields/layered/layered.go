package layered // want package:`has exported address variables`

// Package layered is a config package whose loader returns constant
// fields, nested by value, that its commands hand to their own helpers.

type HTTP struct {
	Addr string // want Addr:`holds "localhost:7010"`
}

type Config struct {
	HTTP HTTP // want HTTP:`holds Addr "localhost:7010"`
}

func Load() *Config {
	return &Config{HTTP: HTTP{Addr: "localhost:7010"}}
}

type Metrics struct {
	Port int // want Port:`holds "7011"`
}

func DefaultMetrics() Metrics { return Metrics{Port: 7011} }

type Decoded struct {
	Bind string // want Bind:`holds ":7012"`
}

func NewDecoded() *Decoded { return &Decoded{Bind: ":7012"} }

type Tweaked struct {
	Bind string // want Bind:`holds ":7013"`
}

func NewTweaked() *Tweaked { return &Tweaked{Bind: ":7013"} }

type Loaded struct {
	Host string // want Host:`holds "localhost"`
	Port string // want Port:`holds "7014"`
}

// LoadLoaded fills a new struct field by field: its literal's zero
// values are never read.
func LoadLoaded() *Loaded {
	c := &Loaded{}
	c.Host = "localhost"
	c.Port = "7014"
	return c
}

type Listener struct {
	Addr string // want Addr:`holds ":7015" or ":7016"`
}

// Listeners are served at once, each in its own goroutine.
func Listeners() []Listener { return []Listener{{Addr: ":7015"}, {Addr: ":7016"}} }
