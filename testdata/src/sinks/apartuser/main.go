// Command apartuser passes hosts and ports apart.
package main

import (
	"os"
	"strconv"

	"sinks/apart"
)

// startHTTP joins them itself; all its callers are known.
func startHTTP(host string, port int) error {
	return apart.StartHTTP(host, port)
}

func main() {
	go apart.StartJoin(os.Getenv("HOST"), "8081") // want `apart\.StartJoin listens on hard-coded port 8081: the platform routes only \$PORT`
	go apart.StartConcat("", 8083)                // want `apart\.StartConcat listens on hard-coded port 8083`
	go apart.StartJoin("localhost", os.Getenv("ADMIN_PORT"))
	// One host, two ports: no collision on the host's variable.
	go apart.StartJoin(os.Getenv("HOST"), os.Getenv("P1"))
	apart.StartJoin(os.Getenv("HOST"), os.Getenv("P2"))
	// The primary: a loopback host with a configured port is a loopback
	// finding; both constant would be one finding with both.
	startHTTP("127.0.0.1", portFromEnv()) // want `apart\.StartHTTP \(through startHTTP\) listens on loopback host "127\.0\.0\.1"`
}

func portFromEnv() int {
	p, _ := strconv.Atoi(os.Getenv("PORT"))
	return p
}
