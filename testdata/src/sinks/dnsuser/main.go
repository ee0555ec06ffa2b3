// Command dnsuser starts the servers of package dnsfiles, through its
// Server and through its function form.
package main

import (
	"log"
	"os"

	"sinks/dnsfiles"
)

// main waits on the function form, which starts its Server by calling
// the Server's reader method: that server is the program's primary.
func main() {
	srv := &dnsfiles.Server{Addr: ":5353", Net: "udp"} // want `dnsfiles\.Server\.Addr listens on hard-coded port 5353: the platform routes only \$PORT, to the primary server dnsfiles\.ListenAndServe`
	go srv.ListenAndServe()
	dnsfiles.Unstarted(":5355")
	dnsfiles.Logged(":5356")
	go dnsfiles.ListenAndServe(os.Getenv("DNS_ADDR"), "udp", nil)
	log.Fatal(dnsfiles.ListenAndServe(":5354", "tcp", nil)) // want `dnsfiles\.ListenAndServe listens on hard-coded port 5354: read the port from \$PORT`
}
