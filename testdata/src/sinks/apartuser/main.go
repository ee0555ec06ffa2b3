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
	// A reviewer's probes: a server started in the background by the
	// callee is not the primary, whatever calls it; an IPv6 host passed
	// apart; fields of a struct.
	apart.Debug("localhost")
	go apart.StartJoin("::", "8084")                     // want `apart\.StartJoin listens on hard-coded port 8084`
	go apart.Conf{Host: "127.0.0.1", Port: 9090}.Start() // want `apart\.Conf\.Port listens on hard-coded port 9090`
	// The primary: a loopback host with a configured port is a loopback
	// finding; both constant would be one finding with both.
	startHTTP("127.0.0.1", portFromEnv()) // want `apart\.StartHTTP \(through startHTTP\) listens on loopback host "127\.0\.0\.1"`
}

func portFromEnv() int {
	p, _ := strconv.Atoi(os.Getenv("PORT"))
	return p
}
