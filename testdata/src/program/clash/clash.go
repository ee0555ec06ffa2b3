// Package clash starts servers that can take the same port at once.
package clash

import (
	"cmp"
	"log"
	"net"
	"net/http"
	"os"
)

func sameEnv(h http.Handler) {
	go http.ListenAndServe(":"+os.Getenv("PORT"), h)
	log.Fatal(http.ListenAndServe(":"+os.Getenv("PORT"), h)) // want `^http\.ListenAndServe can take the port of an earlier http\.ListenAndServe, which is still listening \(both read \$PORT\): the second fails with "address already in use"$`
}

func sameDefault(h http.Handler) {
	go http.ListenAndServe(":"+cmp.Or(os.Getenv("METRICS_PORT"), "8080"), h)
	log.Fatal(http.ListenAndServe(":"+cmp.Or(os.Getenv("PORT"), "8080"), h)) // want `can take the port of .*\(both on port 8080\)`
}

func serverAndClosure(h http.Handler) {
	srv := &http.Server{Addr: os.Getenv("ADDR"), Handler: h}
	go srv.ListenAndServe()
	go func() {
		log.Println(http.ListenAndServe(os.Getenv("ADDR"), h)) // want `can take the port of an earlier http\.Server\.Addr.*both read \$ADDR`
	}()
}

// Alternatives, a retry loop around one call, distinct variables,
// servers one after the other and distinct hosts never collide.
func negatives(h http.Handler, debug bool, mode string) {
	if debug {
		go http.ListenAndServe(":"+os.Getenv("PORT"), h)
	} else {
		go http.ListenAndServe(":"+os.Getenv("PORT"), h)
	}
	switch mode {
	case "a":
		go http.ListenAndServe(os.Getenv("ADDR"), h)
	case "b":
		go http.ListenAndServe(os.Getenv("ADDR"), h)
	}
	for range 3 {
		go http.ListenAndServe(os.Getenv("RETRY_ADDR"), h)
	}
	go http.ListenAndServe(":"+os.Getenv("METRICS_PORT"), h)
	go http.ListenAndServe(":"+os.Getenv("ADMIN_PORT"), h)
	go http.ListenAndServe("10.0.0.1:"+os.Getenv("HOST_PORT"), h)
	go http.ListenAndServe("10.0.0.2:"+os.Getenv("HOST_PORT"), h)
}

// The body of an if that returns and the statements after it are
// alternatives too.
func guarded(h http.Handler, debug bool) {
	if debug {
		go http.ListenAndServe(":"+os.Getenv("GUARD_PORT"), h)
		return
	}
	go http.ListenAndServe(":"+os.Getenv("GUARD_PORT"), h)
}

func oneAfterTheOther(h http.Handler) {
	log.Println(http.ListenAndServe(":"+os.Getenv("PORT"), h))
	log.Println(http.ListenAndServe(":"+os.Getenv("PORT"), h))
}

// An address net.Listen rejects takes no port (and a collision message
// must stay on one line).
func invalidPort(h http.Handler) {
	go http.ListenAndServe(":\n", h)
	http.ListenAndServe(":\n", h)
}

// A TCP and a UDP server share a port number without colliding, as
// quic-go's http3.ListenAndServeTLS serves HTTP/1 and 2 over TCP and
// HTTP/3 over UDP on one address; two TCP servers still collide.
func tcpAndUDP(h http.Handler) {
	addr := os.Getenv("ADDR")
	go http.ListenAndServeTLS(addr, "cert.pem", "key.pem", h)
	udpAddr, _ := net.ResolveUDPAddr("udp", addr)
	conn, _ := net.ListenUDP("udp", udpAddr)
	defer conn.Close()
	pc, _ := net.ListenPacket("udp4", addr)
	defer pc.Close()
	go quicServe(addr)
	log.Fatal(http.ListenAndServe(addr, h)) // want `can take the port of an earlier http\.ListenAndServeTLS.*both read \$ADDR`
}

// quicServe serves on UDP alone, as http3.ListenAndServeQUIC does.
func quicServe(addr string) {
	pc, _ := net.ListenPacket("udp", addr)
	defer pc.Close()
}
