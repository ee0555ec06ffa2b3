package listens // want package:`has exported address variables`

// Package listens keeps each server's port in a field of one type: a
// field of a field is followed along its path, so that HTTP.Port and
// Metrics.Port are not one field.

type Listen struct{ Port int } // want Port:`holds "0" or "7000" or "7001" or "8080" or "9090"`

type Config struct{ HTTP, Metrics Listen } // want HTTP:`holds Port "8080"` Metrics:`holds Port "9090"`

func Default() Config { return Config{HTTP: Listen{Port: 8080}, Metrics: Listen{Port: 9090}} }

// Admin's port is set in place after the literal: it holds both.
type Admin struct{ Web, Debug Listen } // want Web:`holds Port "7000" or "7001"`

func NewAdmin() *Admin {
	a := &Admin{Web: Listen{Port: 7000}}
	a.Web.Port = 7001
	a.Debug = current()
	return a
}

func current() Listen { return Listen{} }
