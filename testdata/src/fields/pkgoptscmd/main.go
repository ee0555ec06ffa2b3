// Command pkgoptscmd keeps its servers' options in package variables: a
// variable nothing else writes holds what its declaration says.
package main

import (
	"encoding/json"
	"flag"
	"log"
	"os"

	"fields/pkgopts"
)

var opts = pkgopts.Options{Port: 8080} // want `hard-coded port 8080`

// Written by a flag, a decoder, an assignment in init, or again whole.
var (
	flagged  = pkgopts.Options{Port: 7070}
	decoded  = pkgopts.Options{Port: 7071}
	assigned = pkgopts.Options{Port: 7072}
	replaced = pkgopts.Options{Port: 7073}
)

// Exported: another package could write it, were this one importable.
var Public = pkgopts.Options{Port: 7074}

func init() {
	flag.IntVar(&flagged.Port, "port", flagged.Port, "port")
	if b, err := os.ReadFile("opts.json"); err == nil {
		_ = json.Unmarshal(b, &decoded)
	}
	assigned.Port = len(os.Args) + 9000
	replaced = pkgopts.Options{Port: len(os.Args)}
}

func main() {
	flag.Parse()
	go pkgopts.Run(flagged)
	go pkgopts.Run(decoded)
	go pkgopts.Run(assigned)
	go pkgopts.Run(replaced)
	go pkgopts.Run(Public)
	log.Fatal(pkgopts.Run(opts))
}
