// Command usesserver waits on a server of another package: that is its
// primary, so its own listeners are secondaries.
package main

import (
	"log"
	"net/http"
	"os"

	"program/server"
)

func main() {
	go http.ListenAndServe(":9090", nil) // want `^http\.ListenAndServe listens on hard-coded port 9090: the platform routes only \$PORT, to the primary server server\.Run \(main\.go:17\); read this listener's port from \$PORT_9090$`
	server.Background(nil)
	go http.ListenAndServe(":"+os.Getenv("STATUS_PORT"), nil) // want `can take the port of an earlier server\.Background.*both read \$STATUS_PORT`
	log.Fatal(server.Run(nil))
}

// A call of a method of the universe (error.Error) has no package.
func describe(err error) string { return err.Error() }
