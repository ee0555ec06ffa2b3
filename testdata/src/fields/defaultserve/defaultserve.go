package defaultserve // want package:`has exported address variables`

// Package defaultserve hands its callers a config with a default address
// and serves on whatever they leave there: the default is theirs to
// change (an assignment, a flag, a decoder), so it is no server here.

import "net/http"

type Config struct{ Addr string } // want Addr:`holds ":8080"` Addr:`sink: address of http\.ListenAndServe`

func Default() Config { return Config{Addr: ":8080"} }

func (c Config) Serve() error { return http.ListenAndServe(c.Addr, nil) } // want Serve:`serves`

type local struct{ addr string }

// Local keeps its default to itself: nothing outside can change it.
func Local() error { // want Local:`serves on port 8081`
	l := local{addr: ":8081"} // want `listens on hard-coded port 8081`
	return l.serve()
}

func (l local) serve() error { return http.ListenAndServe(l.addr, nil) }
