// Package negative holds configurable addresses and other listen-like code
// that portlint must never report.
package negative

import (
	"cmp"
	"context"
	"flag"
	"fmt"
	"log"
	"net"
	"net/http"
	"os"
	"syscall"

	"stdlib/constants"
)

var addrFlag = flag.String("addr", ":8080", "listen address")

var portFlag string

func init() {
	flag.StringVar(&portFlag, "port", "8080", "listen port")
}

type config struct {
	Addr string // want Addr:`sink: address of http.ListenAndServe`
	Port int    // want Port:`sink: port of http.ListenAndServe`
}

func fromEnvironment() {
	http.ListenAndServe(":"+os.Getenv("PORT"), nil)
	http.ListenAndServe(":"+cmp.Or(os.Getenv("PORT"), "8080"), nil)

	port, ok := os.LookupEnv("PORT")
	if !ok {
		port = "8080"
	}
	http.ListenAndServe(":"+port, nil)

	addr := ":8080"
	if v := os.Getenv("PORT"); v != "" {
		addr = ":" + v
	}
	http.ListenAndServe(addr, nil)

	p, _ := syscall.Getenv("PORT")
	net.Listen("tcp", net.JoinHostPort("", p))
}

func fromFlags() {
	flag.Parse()
	http.ListenAndServe(*addrFlag, nil)
	http.ListenAndServe(":"+portFlag, nil)
}

func fromConfig(cfg config) {
	http.ListenAndServe(cfg.Addr, nil)
	http.ListenAndServe(fmt.Sprintf(":%d", cfg.Port), nil)
	srv := &http.Server{Addr: cfg.Addr}
	srv.ListenAndServe()
}

// Serve's callers are unknown: its parameter is configuration.
func Serve(addr string) error { // want Serve:`serves` Serve:`sink: param 0 address of http.ListenAndServe`
	return http.ListenAndServe(addr, nil)
}

func exportedVariable() {
	http.ListenAndServe(constants.Listen, nil)
}

func ephemeral() {
	net.Listen("tcp", "127.0.0.1:0")
	net.Listen("tcp", "localhost:")
	net.Listen("tcp", ":0")
	net.ListenTCP("tcp", &net.TCPAddr{IP: net.IPv4(127, 0, 0, 1)})
	net.ListenTCP("tcp", nil)
	http.ListenAndServe("[::1]:0", nil)
}

func allInterfaces() {
	// Ports come from elsewhere; the hosts are fine.
	port := os.Getenv("PORT")
	http.ListenAndServe("0.0.0.0:"+port, nil)
	http.ListenAndServe("[::]:"+port, nil)
	http.ListenAndServe(net.JoinHostPort("", port), nil)
}

func unixSockets(ctx context.Context) {
	net.Listen("unix", "/run/app.sock")
	net.Listen("unix", "localhost:8080") // a path that looks like an address
	net.ListenPacket("unixgram", "/run/app.dgram")
	var lc net.ListenConfig
	lc.Listen(ctx, "unixpacket", "/run/app.seq")
	net.ListenUnix("unix", &net.UnixAddr{Name: "/run/app.sock", Net: "unix"})
}

func unknownNetwork(network string) {
	net.Listen(network, ":8080") // network may be unix
}

func clients(ctx context.Context) {
	net.Dial("tcp", "localhost:8080")
	var d net.Dialer
	d.DialContext(ctx, "tcp", "127.0.0.1:5432")
	http.Get("http://localhost:8080/healthz")
	http.Post("http://localhost:8080/", "text/plain", nil)
	net.ResolveTCPAddr("tcp", "localhost:8080")
}

func listenerTaking(l net.Listener) {
	http.Serve(l, nil)
	srv := &http.Server{}
	srv.Serve(l)
}

func messages() {
	log.Printf("listening on %s", ":8080")
	fmt.Println("open http://localhost:8080")
	addr := "localhost:8080"
	log.Println("dev server at", addr)
}

func escapes() {
	addr := ":8080"
	overwrite(&addr)
	http.ListenAndServe(addr, nil)

	port := 8080
	port++
	http.ListenAndServe(fmt.Sprintf(":%d", port), nil)

	a := ":8080"
	a += "1"
	http.ListenAndServe(a, nil)
}

func overwrite(p *string) { *p = os.Getenv("ADDR") }

func rangeVariables() {
	for _, a := range os.Args[1:] {
		go http.ListenAndServe(a, nil)
	}
}

func multiValue() {
	addr, err := lookup()
	if err != nil {
		return
	}
	http.ListenAndServe(addr, nil)
}

func lookup() (string, error) { return os.Getenv("ADDR"), nil }

func notAnAddress() {
	http.ListenAndServe("8080", nil) // no colon: fails at run time, not a port
}

func maybeUnassigned(dev bool) {
	var addr string // "" when !dev: net.Listen picks a free port
	if dev {
		addr = "localhost:8080"
	}
	net.Listen("tcp", addr)
}

// A server given a listener ignores its Addr: setting it starts nothing.
func addrIgnored(l net.Listener) {
	srv := &http.Server{Addr: ":8080", Handler: http.NotFoundHandler()}
	go srv.Serve(l)

	var tlsSrv http.Server
	tlsSrv.Addr = "localhost:8443"
	go tlsSrv.ServeTLS(l, "cert.pem", "key.pem")
}

func notAPort() {
	http.ListenAndServe(":a\nb", nil) // net.Listen rejects it: not a hard-coded port
	http.ListenAndServe(":80 80", nil)
}
