// Package registrylib keeps the servers its callers register and starts
// them all at once in RunAll.
package registrylib

import (
	"log"
	"net/http"
	"sync"
)

type entry struct{ addr string }

type Registry struct{ entries []entry }

func (r *Registry) Register(addr string) { r.entries = append(r.entries, entry{addr: addr}) } // want Register:`sink: param 0 address of http\.ListenAndServe`

func (r *Registry) RunAll() { // want RunAll:`serves`
	var wg sync.WaitGroup
	for _, e := range r.entries {
		wg.Add(1)
		go func(e entry) {
			defer wg.Done()
			log.Print(http.ListenAndServe(e.addr, nil))
		}(e)
	}
	wg.Wait()
}
