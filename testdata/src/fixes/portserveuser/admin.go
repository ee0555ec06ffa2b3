package main

import (
	"log"

	"fixes/portnum/v2"
	"fixes/portserve"
)

var _ portnum.Port

// serveAdmin's file imports the type's package already.
func serveAdmin() {
	log.Println(portserve.Serve(9091)) // want `portserve\.Serve listens on hard-coded port 9091`
}
