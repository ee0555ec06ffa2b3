// Package apis has one positive case per standard-library listen API.
package apis

import (
	"context"
	"crypto/tls"
	"net"
	"net/http"
)

func listeners(ctx context.Context, cfg *tls.Config) {
	net.Listen("tcp", ":8080")                     // want `^net\.Listen listens on hard-coded port 8080: read the port from \$PORT$`
	net.Listen("tcp4", "localhost:8080")           // want `^net\.Listen listens on hard-coded port 8080 and loopback host "localhost": read the port from \$PORT and bind 0\.0\.0\.0$`
	net.ListenPacket("udp", "127.0.0.1:5353")      // want `net\.ListenPacket listens on hard-coded port 5353 and loopback host "127\.0\.0\.1"`
	tls.Listen("tcp", ":443", cfg)                 // want `tls\.Listen listens on hard-coded port 443`
	http.ListenAndServe(":8080", nil)              // want `http\.ListenAndServe listens on hard-coded port 8080`
	http.ListenAndServeTLS(":8443", "c", "k", nil) // want `http\.ListenAndServeTLS listens on hard-coded port 8443`

	var lc net.ListenConfig
	lc.Listen(ctx, "tcp", "[::1]:9000")  // want `net\.ListenConfig\.Listen listens on hard-coded port 9000 and loopback host "::1"`
	lc.ListenPacket(ctx, "udp", ":9001") // want `net\.ListenConfig\.ListenPacket listens on hard-coded port 9001`

	net.ListenTCP("tcp", &net.TCPAddr{Port: 8080})                           // want `net\.ListenTCP listens on hard-coded port 8080`
	net.ListenUDP("udp", &net.UDPAddr{IP: net.IPv4(127, 0, 0, 1), Port: 53}) // want `net\.ListenUDP listens on hard-coded port 53 and loopback host "127\.0\.0\.1"`
	net.ListenIP("ip4:icmp", &net.IPAddr{IP: net.ParseIP("127.0.0.1")})      // want `net\.ListenIP listens on loopback host "127\.0\.0\.1", unreachable from outside the container: bind 0\.0\.0\.0`
}

func servers() {
	srv := &http.Server{Addr: ":8080"} // want `^http\.Server\.Addr listens on hard-coded port 8080: read the port from \$PORT$`
	srv.Addr = "localhost:9090"        // want `http\.Server\.Addr listens on hard-coded port 9090 and loopback host "localhost"`
	_ = srv.ListenAndServe()

	var s http.Server
	s.Addr = ":http" // want `http\.Server\.Addr listens on hard-coded port http`
	_ = s.ListenAndServeTLS("cert.pem", "key.pem")
}

// embedded servers are still http.Servers.
type appServer struct {
	*http.Server
	name string
}

func embedded(a *appServer) {
	a.Addr = ":7000" // want `http\.Server\.Addr listens on hard-coded port 7000`
	a.name = ":7001"
}

func methodExpressions(ctx context.Context, lc *net.ListenConfig) {
	(*net.ListenConfig).Listen(lc, ctx, "tcp", ":7002") // want `net\.ListenConfig\.Listen listens on hard-coded port 7002`
	(*net.ListenConfig).Listen(lc, ctx, "unix", "/run/app.sock")
}

func addrUsed(l net.Listener, dev bool) *http.Server {
	srv := &http.Server{Addr: ":8081"} // want `http\.Server\.Addr listens on hard-coded port 8081`
	if dev {
		go srv.Serve(l)
	} else {
		go srv.ListenAndServe()
	}

	escaped := &http.Server{Addr: ":8082"} // want `http\.Server\.Addr listens on hard-coded port 8082`
	return escaped
}
