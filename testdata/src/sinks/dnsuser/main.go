// Command dnsuser starts the servers of package dnsfiles, through its
// Server and through its function form.
package main

import (
	"log"
	"os"

	"sinks/dnsfiles"
)

func main() {
	srv := &dnsfiles.Server{Addr: ":5353", Net: "udp"} // want `dnsfiles\.Server\.Addr listens on hard-coded port 5353`
	go srv.ListenAndServe()
	dnsfiles.Unstarted(":5355")
	dnsfiles.Logged(":5356")
	go dnsfiles.ListenAndServe(os.Getenv("DNS_ADDR"), "udp", nil)
	log.Fatal(dnsfiles.ListenAndServe(":5354", "tcp", nil)) // want `dnsfiles\.ListenAndServe listens on hard-coded port 5354`
}
