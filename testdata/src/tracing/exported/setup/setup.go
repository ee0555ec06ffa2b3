package setup // want package:`assigns tracing/exported/config.Assigned, tracing/exported/config.Flagged`

// setup assigns exported variables of package config.

import (
	"flag"
	"os"

	"tracing/exported/config"
)

func init() {
	config.Assigned = os.Getenv("ADDR")
	flag.StringVar(&config.Flagged, "addr", config.Flagged, "listen address")
}
