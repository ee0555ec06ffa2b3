// Package implicit starts servers without an address: they listen on a
// default port.
package implicit

import (
	"net/http"
	"os"
	"time"
)

func emptyAddress(h http.Handler) {
	go http.ListenAndServe("", h)                   // want `^http\.ListenAndServe listens on hard-coded port 80 \(what an empty address means\): read the port from \$PORT$`
	go http.ListenAndServeTLS("", "cert", "key", h) // want `hard-coded port 443`
	addr := ""
	go http.ListenAndServe(addr, h) // want `hard-coded port 80` `can take the port of .*address already in use`
}

func servers(h http.Handler) error {
	srv := &http.Server{Handler: h, ReadHeaderTimeout: time.Second}
	go srv.ListenAndServe() // want `hard-coded port 80: the platform routes only \$PORT`

	var tlsSrv http.Server
	tlsSrv.Handler = h
	if err := tlsSrv.ListenAndServeTLS("cert", "key"); err != nil { // want `http\.Server\.ListenAndServeTLS \(its Addr is empty\) listens on hard-coded port 443`
		return err
	}
	return nil
}

func configured(h http.Handler, srv2 *http.Server) {
	srv := &http.Server{Handler: h}
	srv.Addr = os.Getenv("ADDR")
	go srv.ListenAndServe()

	s3 := &http.Server{Handler: h}
	configure(s3) // may set Addr
	go s3.ListenAndServe()

	go srv2.ListenAndServe() // a parameter: set by the caller

	s4 := &http.Server{Handler: h}
	s5 := s4
	s5.Addr = os.Getenv("ADDR") // want `can take the port of an earlier http\.Server\.Addr`
	go s4.ListenAndServe()

	go http.ListenAndServe(os.Getenv("ADDR"), h) // want `can take the port of .*address already in use`
}

func configure(s *http.Server) { s.Addr = os.Getenv("ADDR") }
