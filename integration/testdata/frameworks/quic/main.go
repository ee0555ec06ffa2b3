// Command quic starts quic-go and HTTP/3 servers.
package main

import (
	"crypto/tls"
	"log"
	"net"
	"net/http"
	"os"

	"github.com/quic-go/quic-go"
	"github.com/quic-go/quic-go/http3"
)

func main() {
	conf := &tls.Config{NextProtos: []string{"echo"}}
	if _, err := quic.ListenAddr("localhost:4242", conf, nil); err != nil { // portlint:want
		log.Fatal(err)
	}
	if _, err := quic.ListenAddr(":4242", conf, &quic.Config{}); err != nil { // portlint:want
		log.Fatal(err)
	}
	if _, err := quic.ListenAddrEarly(":443", conf, nil); err != nil { // portlint:want
		log.Fatal(err)
	}

	log.Fatal(http3.ListenAndServeQUIC(":443", "cert.pem", "key.pem", http.NotFoundHandler()))          // portlint:want
	log.Fatal(http3.ListenAndServeTLS("127.0.0.1:8443", "cert.pem", "key.pem", http.NotFoundHandler())) // portlint:want

	srv := &http3.Server{Addr: ":443", Handler: http.NotFoundHandler()} // portlint:want
	log.Fatal(srv.ListenAndServeTLS("cert.pem", "key.pem"))

	var srv2 http3.Server
	srv2.Addr = "localhost:8443" // portlint:want
	log.Fatal(srv2.ListenAndServe())
}

func negatives(conn net.PacketConn) {
	conf := &tls.Config{}
	_, _ = quic.ListenAddr(":"+os.Getenv("PORT"), conf, nil)
	_, _ = quic.ListenAddr("127.0.0.1:0", conf, nil)
	_, _ = quic.Listen(conn, conf, nil)
	srv := &http3.Server{Handler: http.NotFoundHandler()}
	_ = srv.Serve(conn)
}
