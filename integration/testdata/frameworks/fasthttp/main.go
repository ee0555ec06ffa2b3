// Command fasthttp starts fasthttp servers.
package main

import (
	"log"
	"net"
	"os"

	"github.com/valyala/fasthttp"
	"github.com/valyala/fasthttp/prefork"
)

func handler(ctx *fasthttp.RequestCtx) { ctx.WriteString("hello") }

func main() {
	log.Fatal(fasthttp.ListenAndServe(":8080", handler))                                   // portlint:want
	log.Fatal(fasthttp.ListenAndServe("localhost:8080", handler))                          // portlint:want
	log.Fatal(fasthttp.ListenAndServeTLS(":8443", "cert.pem", "key.pem", handler))         // portlint:want
	log.Fatal(fasthttp.ListenAndServeTLSEmbed(":8443", []byte("c"), []byte("k"), handler)) // portlint:want

	s := &fasthttp.Server{Handler: handler, Name: "api"}
	log.Fatal(s.ListenAndServe(":8080"))                                    // portlint:want
	log.Fatal(s.ListenAndServeTLS("127.0.0.1:8443", "cert.pem", "key.pem")) // portlint:want
	log.Fatal(s.ListenAndServeTLSEmbed(":8443", []byte("c"), []byte("k")))  // portlint:want

	p := prefork.New(s)
	log.Fatal(p.ListenAndServe(":8080"))                                   // portlint:want
	log.Fatal(p.ListenAndServeTLS(":8443", "key.pem", "cert.pem"))         // portlint:want
	log.Fatal(p.ListenAndServeTLSEmbed(":8443", []byte("c"), []byte("k"))) // portlint:want
}

func negatives(ln net.Listener) {
	_ = fasthttp.ListenAndServe(":"+os.Getenv("PORT"), handler)
	_ = fasthttp.ListenAndServe("127.0.0.1:0", handler)
	_ = fasthttp.ListenAndServeUNIX("/tmp/fasthttp.sock", 0o666, handler)
	_ = fasthttp.Serve(ln, handler)

	s := &fasthttp.Server{Handler: handler}
	_ = s.ListenAndServe(os.Getenv("ADDR"))
	_ = s.ListenAndServeUNIX("/tmp/fasthttp.sock", 0o666)
	_ = s.Serve(ln)
	_ = prefork.New(s).ListenAndServe(":" + os.Getenv("PORT"))
}
