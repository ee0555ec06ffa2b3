package constants // want package:`has exported address variables`

// constants holds addresses used from another package.

// Addr is the public address.
const Addr = ":3000"

// Host is the development host.
const Host = "localhost"

// Exported variables may be assigned by any importer: never trusted.
var Listen = ":3001" // want Listen:`initialised to ":3001"`
