// Command svccmd builds one service whose Start runs two servers: the
// app, which Start waits on, reads $PORT; metrics, in the background,
// a variable of its own.
package main

import (
	"log"

	"fields/svc"
)

func main() {
	s := svc.New(svc.Config{Port: 9000, MetricsPort: 9100}) // want `svc\.Config\.Port listens on hard-coded port 9000: read the port from \$PORT` `svc\.Config\.MetricsPort listens on hard-coded port 9100: the platform routes only \$PORT, to the primary server svc\.Config\.Port \(main\.go:13\); read this listener's port from \$METRICS_PORT`
	log.Fatal(s.Start())
}
