// Command configcmd listens where package config's constructors say.
package main

import (
	"flag"
	"log"
	"net/http"
	"os"

	"fields/config"
)

func main() {
	f, err := config.Read([]byte(os.Getenv("CONFIG")))
	if err != nil {
		log.Fatal(err)
	}
	go http.ListenAndServe(f.Bind, nil) // a decoder may have set it
	fl := config.NewFlags()
	flag.StringVar(fl.Set(), "addr", fl.Addr, "address")
	go http.ListenAndServe(fl.Addr, nil)                    // a flag may have set it
	go http.ListenAndServe(config.DefaultAdmin().Addr, nil) // want `http\.ListenAndServe listens on hard-coded port 80 or 7001`
	log.Printf("listening on %s", config.Load().Listen)     // read only for logging
	srv := http.Server{Addr: config.Load().Listen}          // want `http\.Server\.Addr listens on hard-coded port 7000 and loopback host "localhost"`
	log.Fatal(srv.ListenAndServe())
}
