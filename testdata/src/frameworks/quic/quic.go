// Package main starts quic-go and HTTP/3 servers in the ways real programs do.
package main

import (
	"crypto/tls"
	"net"
	"net/http"
	"os"

	"github.com/quic-go/quic-go"
	"github.com/quic-go/quic-go/http3"
)

func main() {
	conf := &tls.Config{}
	quic.ListenAddr("localhost:4242", conf, nil)   // want `quic.ListenAddr listens on hard-coded port 4242 and loopback host "localhost"`
	quic.ListenAddr(":4242", conf, &quic.Config{}) // want `quic.ListenAddr listens on hard-coded port 4242: read the port from`
	quic.ListenAddrEarly(":443", conf, nil)        // want `quic.ListenAddrEarly listens on hard-coded port 443`

	http3.ListenAndServeQUIC(":443", "cert.pem", "key.pem", http.NotFoundHandler())          // want `http3.ListenAndServeQUIC listens on hard-coded port 443`
	http3.ListenAndServeTLS("127.0.0.1:8443", "cert.pem", "key.pem", http.NotFoundHandler()) // want `http3.ListenAndServeTLS listens on hard-coded port 8443 and loopback host "127.0.0.1"`

	srv := &http3.Server{Addr: ":443", Handler: http.NotFoundHandler()} // want `http3.Server.Addr listens on hard-coded port 443`
	srv.ListenAndServeTLS("cert.pem", "key.pem")

	var srv2 http3.Server
	srv2.Addr = "localhost:8443" // want `http3.Server.Addr listens on hard-coded port 8443 and loopback host "localhost"`
	srv2.ListenAndServe()
}

func negatives(conn net.PacketConn) {
	conf := &tls.Config{}
	quic.ListenAddr(":"+os.Getenv("PORT"), conf, nil)
	quic.ListenAddr("127.0.0.1:0", conf, nil)
	quic.Listen(conn, conf, nil)
	http3.ListenAndServeQUIC(os.Getenv("ADDR"), "cert.pem", "key.pem", nil)
	srv := &http3.Server{Handler: http.NotFoundHandler()}
	srv.Serve(conn)
	srv2 := http3.Server{Addr: ":" + os.Getenv("PORT")}
	srv2.ListenAndServe()
}
