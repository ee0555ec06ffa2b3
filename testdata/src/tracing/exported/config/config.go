package config // want package:`has exported address variables`

// config holds addresses in exported variables, which any
// importer may assign.

// GRPCPort is assigned by no package: a command that listens on it
// listens on ":50051".
var GRPCPort = ":50051" // want GRPCPort:`initialised to ":50051"`

// HTTPPort is an integer port.
var HTTPPort = 8080 // want HTTPPort:`initialised to "8080"`

// DevHost is a loopback host.
var DevHost = "127.0.0.1" // want DevHost:`initialised to "127.0.0.1"`

// Assigned is assigned by package setup.
var Assigned = ":7000" // want Assigned:`initialised to ":7000"`

// Flagged has its address taken by package setup, for a flag.
var Flagged = ":7001" // want Flagged:`initialised to ":7001"`

// Reset is assigned by this package.
var Reset = ":7002"

// Disabled is port 0: the system picks a free port.
var Disabled = ":0"

// Greeting is no address: it makes no fact.
var Greeting = "hello"

// Listen is assigned by the commands' own code.
var Listen = ":7003" // want Listen:`initialised to ":7003"`

// Restore puts Reset back.
func Restore() { Reset = ":7004" }
