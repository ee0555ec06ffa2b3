// Command twosrvcmd runs an app whose Run serves two servers: the one
// Run waits on reads $PORT, the admin server a variable of its own.
package main

import (
	"log"

	"fields/twosrv"
)

func main() {
	a := twosrv.New(twosrv.Options{Port: 8080, AdminPort: 8081}) // want `twosrv\.Options\.Port listens on hard-coded port 8080: read the port from \$PORT` `twosrv\.Options\.AdminPort listens on hard-coded port 8081: the platform routes only \$PORT, to the primary server twosrv\.Options\.Port \(main\.go:12\); read this listener's port from \$ADMIN_PORT`
	log.Fatal(a.Run())
}

// Both servers run at once: one reads $PORT, the admin one its own.
func both() {
	b := twosrv.NewBoth(twosrv.Options{Port: 8090, AdminPort: 8091}) // want `twosrv\.Options\.Port listens on hard-coded port 8090: read the port from \$PORT` `twosrv\.Options\.AdminPort listens on hard-coded port 8091: the platform routes only \$PORT, to the primary server twosrv\.Options\.Port \(main\.go:\d+\); read this listener's port from \$ADMIN_PORT`
	log.Fatal(b.Run())
}
