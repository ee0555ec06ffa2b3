// Command wrapuser starts the servers of package wrap.
package main

import (
	"log"
	"os"

	"sinks/wrap"
)

func main() {
	upg := wrap.New()
	ln, err := upg.Listen("tcp", ":8080") // want `wrap\.Fds\.Listen listens on hard-coded port 8080`
	if err != nil {
		log.Fatal(err)
	}
	defer ln.Close()
	if _, err := upg.Listen("unix", os.Getenv("SOCKET")); err != nil {
		log.Fatal(err)
	}
	srv := &wrap.Server{Addr: ":5353", Net: "tcp"} // want `wrap\.Server\.Addr listens on hard-coded port 5353`
	go srv.ListenAndServe()
	go wrap.ListenAndServe(":5354", "tcp") // want `wrap\.ListenAndServe listens on hard-coded port 5354`
	select {}
}
