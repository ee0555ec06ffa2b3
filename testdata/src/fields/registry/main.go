// Command registry registers two servers, then starts them all at once:
// one program, whose first server reads $PORT and the other a variable
// of its own (both reading $PORT could not start).
package main

import (
	"log"
	"net/http"
	"sync"
)

type entry struct{ addr string }

type Registry struct{ entries []entry }

func (r *Registry) Register(addr string) { r.entries = append(r.entries, entry{addr: addr}) } // want Register:`sink: param 0 address of http\.ListenAndServe`

func (r *Registry) RunAll() {
	var wg sync.WaitGroup
	for _, e := range r.entries {
		wg.Add(1)
		go func(e entry) {
			defer wg.Done()
			log.Fatal(http.ListenAndServe(e.addr, nil))
		}(e)
	}
	wg.Wait()
}

func main() {
	var reg Registry
	reg.Register(":8080") // want `^main\.Registry\.Register listens on hard-coded port 8080: read the port from \$PORT`
	reg.Register(":9090") // want `^main\.Registry\.Register listens on hard-coded port 9090: the platform routes only \$PORT, to the primary server`
	reg.RunAll()
}
