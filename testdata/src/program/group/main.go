// Command group starts its servers through a function that runs function
// literals in goroutines, as errgroup.Group.Go does: they run at once,
// so only one of them may read $PORT.
package main

import (
	"log"
	"net/http"
)

type group struct{ errs chan error }

func (g *group) Go(f func() error) { go func() { g.errs <- f() }() }

func (g *group) Wait() error { return <-g.errs }

func main() {
	g := &group{errs: make(chan error, 2)}
	g.Go(func() error { return http.ListenAndServe(":8080", nil) }) // want `http\.ListenAndServe listens on hard-coded port 8080: read the port from \$PORT`
	g.Go(func() error { return http.ListenAndServe(":9090", nil) }) // want `http\.ListenAndServe listens on hard-coded port 9090: the platform routes only \$PORT, to the primary server http\.ListenAndServe \(main\.go:19\); read this listener's port from \$PORT_9090`
	log.Fatal(g.Wait())
}
