// Command kitapp starts one helper per port, two in goroutines and the
// last where main waits: the helper sets the address by the framework's
// option and runs the server by an app, so only its calls place it.
// Nothing calls conditional or started: each is planned alone, as a
// program of its own.
package main

import (
	"fmt"
	"log"

	"program/kit"
)

func runServer(port int) {
	srv := kit.NewServer(kit.Address(fmt.Sprintf(":%d", port)))
	if err := kit.New(srv).Run(); err != nil {
		log.Print(err)
	}
}

func main() {
	go runServer(8000) // want `^kit\.Address \(through runServer\) listens on hard-coded port 8000: the platform routes only \$PORT, to the primary server kit\.Address \(through runServer\) \(main\.go:25\); read this listener's port from \$PORT_8000$`
	go runServer(8010) // want `hard-coded port 8010: the platform routes only \$PORT, to the primary server kit\.Address \(through runServer\) \(main\.go:25\)`
	runServer(8020)    // want `^kit\.Address \(through runServer\) listens on hard-coded port 8020: read the port from \$PORT$`
}

// A blocking call inside an if, beside one in a goroutine, is a primary
// when it runs; one in each arm of an if never collide.
func conditional(admin bool) {
	go runServer(8030) // want `hard-coded port 8030: the platform routes only \$PORT`
	if admin {
		runServer(8040) // want `^kit\.Address \(through runServer\) listens on hard-coded port 8040: read the port from \$PORT$`
	}
	if admin {
		go runServer(8050) // want `^kit\.Address \(through runServer\) listens on hard-coded port 8050: the platform routes only \$PORT, to the primary server kit\.Address \(through runServer\) \(main\.go:33\); read this listener's port from \$CONDITIONAL_8050_PORT$`
	} else {
		runServer(8050) // want `^kit\.Address \(through runServer\) listens on hard-coded port 8050: read the port from \$PORT$`
	}
}

// newServer only builds a server: a call of it in a goroutine's body
// does not make it a helper that runs one, and its servers start later.
func newServer(port int) *kit.Server {
	return kit.NewServer(kit.Address(fmt.Sprintf(":%d", port)))
}

func started() {
	go func() { _ = kit.New(newServer(8060)).Run() }() // want `hard-coded port 8060: read the port from \$PORT`
	srv := newServer(8070)                             // want `hard-coded port 8070: the platform routes only \$PORT, to the primary server kit\.Address \(through newServer\) \(main\.go:49\)`
	go kit.New(srv).Run()
}
