package basic

import (
	"fmt"
	"log"
	"net"
	"net/http"
	"strconv"
)

const metricsAddr = ":9090"

func literal() {
	http.ListenAndServe(":8080", nil)                // want `hard-coded port 8080`
	net.Listen("tcp", "localhost:9000")              // want `hard-coded port 9000 and loopback`
	http.ListenAndServe(metricsAddr, nil)            // want `hard-coded port 9090`
	http.ListenAndServe(":"+strconv.Itoa(8081), nil) // want `hard-coded port 8081`
}

func variable() {
	addr := "127.0.0.1:8082"
	log.Printf("listening on %s", addr)
	http.ListenAndServe(addr, nil) // want `hard-coded port 8082 and loopback`
}

func concat(host, p string) {
	http.ListenAndServe(host+":8083", nil)      // want `hard-coded port 8083`
	http.ListenAndServe("localhost:"+p, nil)    // want `loopback host "localhost"`
	http.ListenAndServe("localhost"+":"+p, nil) // want `loopback host "localhost"`

	port := "8084"
	http.ListenAndServe(host+":"+port, nil) // want `hard-coded port 8084`
}

func join(host, p string) {
	http.ListenAndServe(net.JoinHostPort(host, "8085"), nil)   // want `hard-coded port 8085`
	http.ListenAndServe(net.JoinHostPort("localhost", p), nil) // want `loopback host "localhost"`
	http.ListenAndServe(net.JoinHostPort("::1", "8086"), nil)  // want `hard-coded port 8086 and loopback`
}

const loopbackFormat = "localhost:%d"

func sprintf(host string, p int) {
	http.ListenAndServe(fmt.Sprintf("%s:8087", host), nil)     // want `hard-coded port 8087`
	http.ListenAndServe(fmt.Sprintf("%s:%d", host, 8088), nil) // want `hard-coded port 8088`
	http.ListenAndServe(fmt.Sprintf("localhost:%d", p), nil)   // want `loopback host "localhost"`
	http.ListenAndServe(fmt.Sprintf(loopbackFormat, p), nil)   // want `loopback host "localhost"`
}

func structs() {
	srv := &http.Server{Addr: ":8089"}                                         // want `http\.Server\.Addr listens on hard-coded port 8089`
	srv.Addr = "localhost:8090"                                                // want `hard-coded port 8090: the platform routes only \$PORT`
	go srv.ListenAndServe()
	net.ListenTCP("tcp", &net.TCPAddr{IP: net.IPv4(127, 0, 0, 1), Port: 8091}) // want `hard-coded port 8091 and loopback`
	net.ListenUDP("udp", &net.UDPAddr{Port: 8092})                             // want `hard-coded port 8092`

	a, _ := net.ResolveTCPAddr("tcp", "localhost:8093")
	net.ListenTCP("tcp", a) // want `hard-coded port 8093 and loopback`

	port := 8094
	net.ListenTCP("tcp", &net.TCPAddr{Port: port}) // want `hard-coded port 8094`
}

// A parenthesized host variable: the fixer once asserted the operand as
// written was an identifier, and panicked.
func parenHost() {
	host := "localhost"
	http.ListenAndServe((host)+":"+"8095", nil) // want `hard-coded port 8095 and loopback host "localhost"`
}
