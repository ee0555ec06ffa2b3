// Command listenerscmd serves each of package layered's listeners at
// once, handing each to a closure called in place: the closure's writes
// are in sight. Both addresses are hard-coded, but one fix for the one
// listen call would give both one port: no fix.
package main

import (
	"log"
	"net/http"
	"sync"

	"fields/layered"
)

func serve(l layered.Listener) error {
	return http.ListenAndServe(l.Addr, nil) // want `^http\.ListenAndServe listens on hard-coded port 7015 or 7016`
}

func main() {
	var wg sync.WaitGroup
	for _, l := range layered.Listeners() {
		wg.Add(1)
		go func(l layered.Listener) {
			defer wg.Done()
			log.Print(serve(l))
		}(l)
	}
	wg.Wait()
}
