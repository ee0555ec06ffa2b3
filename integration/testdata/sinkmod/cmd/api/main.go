// Command api is the fixture of TestSinkModule: every server it starts is
// reached through an API portlint learns from code rather than from its
// table — a wrapper's parameter (server.Run), a configuration struct's
// field (server.Config.Addr), a third-party method (tableflip's
// Fds.Listen, through a callback), a third-party struct field
// (dns.Server.Addr) and the parameter of dns.ListenAndServe, which stores
// it into a Server it starts — and, in package shapes, the shapes real
// libraries use: functional options (none passed), a variadic address,
// a constructor whose reader package engine calls through an
// interface, an option that leaves the address alone and a host and a
// port passed apart into a net.TCPAddr; and an exported variable of
// package constants no package assigns, read here and in package status.
// main waits on server.Run, the primary.
package main

import (
	"fmt"
	"log"
	"net"
	"net/http"

	"example.com/sinkmod/constants"
	"example.com/sinkmod/engine"
	"example.com/sinkmod/server"
	"example.com/sinkmod/shapes"
	"example.com/sinkmod/status"
	"github.com/cloudflare/tableflip"
	"github.com/miekg/dns"
)

func main() {
	http.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintln(w, "hello from sinkmod")
	})

	admin := server.New(server.Config{Addr: "localhost:9090", Name: "admin"})
	if err := admin.Start(); err != nil {
		log.Fatal(err)
	}

	// Without a parent process the upgrader just listens; Ready tells a
	// parent, if there is one, that this process took over.
	upg, err := tableflip.New(tableflip.Options{})
	if err != nil {
		log.Fatal(err)
	}
	defer upg.Stop()
	internalLn, err := upg.Listen("tcp", ":8081")
	if err != nil {
		log.Fatal(err)
	}
	internal := http.NewServeMux()
	internal.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintln(w, "internal")
	})
	go func() { log.Println(http.Serve(internalLn, internal)) }()

	resolver := &dns.Server{Addr: ":5353", Net: "tcp", Handler: dns.HandlerFunc(answer)}
	go func() { log.Println(resolver.ListenAndServe()) }()
	go func() { log.Println(dns.ListenAndServe(":5354", "tcp", dns.HandlerFunc(answer))) }()

	go func() { log.Println(shapes.ListenAndServe(":2222", nil)) }()
	go func() { log.Println(shapes.ListenAndServe(":2223", nil, shapes.WithHandler(http.DefaultServeMux))) }()
	tcpLn, err := shapes.ListenTCP("0.0.0.0", 7300)
	if err != nil {
		log.Fatal(err)
	}
	go func() { log.Println(http.Serve(tcpLn, nil)) }()
	grpcLn, err := net.Listen("tcp", constants.GRPCAddr)
	if err != nil {
		log.Fatal(err)
	}
	go func() { log.Println(http.Serve(grpcLn, nil)) }()
	go func() { log.Println(status.Serve()) }()
	eng := &shapes.Engine{}
	go func() { log.Println(eng.Run(":8082")) }()
	if err := engine.Start(shapes.NewRemote(":4000")); err != nil {
		log.Fatal(err)
	}

	if err := upg.Ready(); err != nil {
		log.Fatal(err)
	}
	log.Fatal(server.Run(":8080"))
}

// answer refuses every query.
func answer(w dns.ResponseWriter, req *dns.Msg) {
	m := new(dns.Msg)
	m.SetRcode(req, dns.RcodeRefused)
	w.WriteMsg(m)
}
