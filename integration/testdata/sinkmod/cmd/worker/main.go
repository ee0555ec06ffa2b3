// Command worker uses the same listen APIs as cmd/api, but every address
// comes from its configuration (the environment, flags), and the calls
// with constants only format or dial: portlint reports nothing here.
package main

import (
	"flag"
	"log"
	"os"

	"example.com/sinkmod/server"
	"github.com/cloudflare/tableflip"
	"github.com/miekg/dns"
)

var (
	statusAddr = flag.String("status-addr", "localhost:9190", "status server address")
	queueAddr  = flag.String("queue-addr", ":8181", "queue listener address")
)

func main() {
	flag.Parse()

	status := server.New(server.Config{Addr: *statusAddr, Name: "worker"})
	if err := status.Start(); err != nil {
		log.Fatal(err)
	}

	upg, err := tableflip.New(tableflip.Options{})
	if err != nil {
		log.Fatal(err)
	}
	defer upg.Stop()
	ln, err := upg.Listen("tcp", *queueAddr)
	if err != nil {
		log.Fatal(err)
	}
	defer ln.Close()

	resolver := &dns.Server{Addr: os.Getenv("WORKER_DNS_ADDR"), Net: "udp"}
	go func() { log.Println(resolver.ListenAndServe()) }()
	go func() { log.Println(dns.ListenAndServe(os.Getenv("WORKER_DNS_TCP_ADDR"), "tcp", nil)) }()

	// Formatting an address and dialing one are not listening.
	log.Print(server.Describe(":8080"))
	if err := server.Ping("localhost:8080"); err != nil {
		log.Print(err)
	}
	c := new(dns.Client)
	m := new(dns.Msg)
	m.SetQuestion("example.com.", dns.TypeA)
	if _, _, err := c.Exchange(m, "127.0.0.1:5353"); err != nil {
		log.Print(err)
	}

	if err := upg.Ready(); err != nil {
		log.Fatal(err)
	}
	log.Fatal(server.Run(os.Getenv("WORKER_ADDR")))
}
