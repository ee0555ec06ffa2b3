// Package main starts fasthttp servers in the ways real programs do.
package main

import (
	"net"
	"os"

	"github.com/valyala/fasthttp"
	"github.com/valyala/fasthttp/prefork"
)

func handler(ctx *fasthttp.RequestCtx) {}

func main() {
	fasthttp.ListenAndServe(":8080", handler)                                   // want `fasthttp.ListenAndServe listens on hard-coded port 8080: read the port from`
	fasthttp.ListenAndServe("localhost:8080", handler)                          // want `fasthttp.ListenAndServe listens on hard-coded port 8080 and loopback host "localhost"`
	fasthttp.ListenAndServeTLS(":8443", "cert.pem", "key.pem", handler)         // want `fasthttp.ListenAndServeTLS listens on hard-coded port 8443`
	fasthttp.ListenAndServeTLSEmbed(":8443", []byte("c"), []byte("k"), handler) // want `fasthttp.ListenAndServeTLSEmbed listens on hard-coded port 8443`

	s := &fasthttp.Server{Handler: handler, Name: "api"}
	s.ListenAndServe(":8080")                                    // want `fasthttp.Server.ListenAndServe listens on hard-coded port 8080`
	s.ListenAndServeTLS("127.0.0.1:8443", "cert.pem", "key.pem") // want `fasthttp.Server.ListenAndServeTLS listens on hard-coded port 8443 and loopback host "127.0.0.1"`
	s.ListenAndServeTLSEmbed(":8443", []byte("c"), []byte("k"))  // want `fasthttp.Server.ListenAndServeTLSEmbed listens on hard-coded port 8443`
	s.ListenAndServe("localhost:" + os.Getenv("PORT"))           // want `fasthttp.Server.ListenAndServe listens on loopback host "localhost".*: bind 0.0.0.0`

	p := prefork.New(s)
	p.ListenAndServe(":8080")                                   // want `prefork.Prefork.ListenAndServe listens on hard-coded port 8080`
	p.ListenAndServeTLS(":8443", "key.pem", "cert.pem")         // want `prefork.Prefork.ListenAndServeTLS listens on hard-coded port 8443`
	p.ListenAndServeTLSEmbed(":8443", []byte("c"), []byte("k")) // want `prefork.Prefork.ListenAndServeTLSEmbed listens on hard-coded port 8443`
}

func negatives(ln net.Listener) {
	fasthttp.ListenAndServe(":"+os.Getenv("PORT"), handler)
	fasthttp.ListenAndServe("127.0.0.1:0", handler)
	fasthttp.ListenAndServeUNIX("/tmp/fasthttp.sock", 0o666, handler)
	fasthttp.Serve(ln, handler)

	s := &fasthttp.Server{Handler: handler}
	s.ListenAndServe(os.Getenv("ADDR"))
	s.ListenAndServeUNIX("/tmp/fasthttp.sock", 0o666)
	s.Serve(ln)
	prefork.New(s).ListenAndServe(":" + os.Getenv("PORT"))
}
