// Command shapesuser starts the servers of package shapes.
package main

import (
	"log"
	"net/http"
	"os"

	"sinks/shapes"
)

func main() {
	e := &shapes.Engine{}
	go e.Run(":8081") // want `shapes\.Engine\.Run listens on hard-coded port 8081`
	go e.Run(os.Getenv("ADDR"))
	shapes.RunAll(":8082", ":8083")
	go shapes.RunLast(":8084")

	go shapes.ListenAndServe(":2222", nil) // want `shapes\.ListenAndServe listens on hard-coded port 2222`
	// An option may set the address: a call passing one stays silent,
	// unless the facts of every option it passes say they leave the
	// address alone.
	go shapes.ListenAndServe(":2223", nil, shapes.WithAddr(os.Getenv("SSH_ADDR")))
	go shapes.ListenAndServe(":2224", nil, shapes.WithHandler(nil))                       // want `shapes\.ListenAndServe listens on hard-coded port 2224`
	go shapes.ListenAndServe(":2230", nil, shapes.WithHandler(nil), shapes.WithLimits(4)) // want `shapes\.ListenAndServe listens on hard-coded port 2230`
	go shapes.ListenAndServe(":2231", nil, shapes.WithHandler(nil), shapes.WithAddr(os.Getenv("X")))
	go shapes.ListenAndServe(":2232", nil, shapes.WithListener(nil))
	go shapes.ListenAndServe(":2233", nil, shapes.WithRelay(nil))
	go shapes.ListenAndServe(":2234", nil, shapes.WithSetup())
	go shapes.ListenAndServe(":2235", nil, shapes.WithConfigure(nil))
	go shapes.ListenAndServe(":2236", nil, shapes.WithAny(shapes.WithHandler(nil)))
	// Options that write what the reader reads, however named, stay
	// silent; one writing a field nothing reads does not.
	go shapes.ListenAlt(":2240", shapes.WithAlt(os.Getenv("ALT")))
	go shapes.ListenAlt(":2241", shapes.WithDisabled())
	go shapes.ListenAlt(":2242", shapes.WithDeferred(os.Getenv("ALT2")))
	go shapes.ListenAlt(":2243", shapes.WithGlobal(os.Getenv("ALT3")))
	go shapes.ListenAlt(":2244", shapes.WithAltTimeout(3)) // want `shapes\.ListenAlt listens on hard-coded port 2244`
	opt := shapes.WithHandler(nil)
	go shapes.ListenAndServe(":2237", nil, opt)
	opts := []shapes.Option{shapes.WithHandler(nil)}
	go shapes.ListenAndServe(":2238", nil, opts...)
	go shapes.Serve(":2225", func(*shapes.Server) {})
	// The reviewer's probes: no listen API of their own, but for Both.
	go shapes.WithDefaults(":2226")
	go shapes.StartDefault(shapes.WithAddr(os.Getenv("B")))
	shapes.ServeEach(":2227")
	go shapes.RunElem(":2228")
	go shapes.RunCopy(":2229")
	go shapes.RunSorted(":9999", ":1111")
	go shapes.Both(":5001", shapes.WithAddr(os.Getenv("A"))) // want `shapes\.Both listens on hard-coded port 5001`

	// The engine starts the component through an interface; the variable
	// holding its error names no server.
	if err := shapes.StartAll(shapes.NewRemote(":4000")); err != nil { // want `shapes\.NewRemote listens on hard-coded port 4000: .*read this listener's port from \$PORT_4000`
		log.Fatal(err)
	}
	errc := shapes.Go(shapes.NewRemote(":4001")) // want `shapes\.NewRemote listens on hard-coded port 4001: .*read this listener's port from \$PORT_4001`
	go func() { log.Println(<-errc) }()
	log.Fatal(http.ListenAndServe(":"+os.Getenv("PORT"), nil))
}
