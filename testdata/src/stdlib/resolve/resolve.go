// Package resolve has one case per rule of the address value model.
package resolve

import (
	"fmt"
	"net"
	"net/http"
	"strconv"

	"stdlib/constants"
)

const port = "8080"

const addr = ":" + port

var unexported = ":9000" // package variable, assigned only here

func constant() {
	http.ListenAndServe(addr, nil)                    // want `hard-coded port 8080`
	http.ListenAndServe(constants.Addr, nil)          // want `hard-coded port 3000`
	http.ListenAndServe(constants.Host+":"+port, nil) // want `hard-coded port 8080 and loopback host "localhost"`
}

func variables() {
	a := ":8081"
	http.ListenAndServe(a, nil) // want `hard-coded port 8081`

	var b string
	b = "localhost:8082"
	http.ListenAndServe(b, nil) // want `hard-coded port 8082 and loopback host "localhost"`

	http.ListenAndServe(unexported, nil) // want `hard-coded port 9000`
}

func alternatives(prod bool) {
	addr := ":8083"
	if prod {
		addr = ":8084"
	}
	http.ListenAndServe(addr, nil) // want `hard-coded port 8083 or 8084`

	host := "localhost"
	if prod {
		host = "127.0.0.1"
	}
	http.ListenAndServe(host+":"+port, nil) // want `hard-coded port 8080 and loopback host "localhost" or "127\.0\.0\.1"`
}

func builders(host string) {
	http.ListenAndServe(":"+strconv.Itoa(8085), nil)                  // want `hard-coded port 8085`
	http.ListenAndServe(":"+strconv.FormatInt(8086, 10), nil)         // want `hard-coded port 8086`
	http.ListenAndServe(fmt.Sprintf(":%d", 8087), nil)                // want `hard-coded port 8087`
	http.ListenAndServe(fmt.Sprintf("%s:%s", "localhost", port), nil) // want `hard-coded port 8080 and loopback host "localhost"`
	http.ListenAndServe(fmt.Sprintf("%v:%d", host, 8088), nil)        // want `^http\.ListenAndServe listens on hard-coded port 8088: read the port from \$PORT$`
	http.ListenAndServe(net.JoinHostPort("::1", "8089"), nil)         // want `hard-coded port 8089 and loopback host "::1"`
	http.ListenAndServe(net.JoinHostPort(host, port), nil)            // want `hard-coded port 8080`
	http.ListenAndServe(host+":8090", nil)                            // want `hard-coded port 8090`
}

func portOnlyUnknown(p string) {
	http.ListenAndServe("localhost:"+p, nil)                   // want `^http\.ListenAndServe listens on loopback host "localhost", unreachable from outside the container: bind 0\.0\.0\.0$`
	http.ListenAndServe(net.JoinHostPort("127.0.0.1", p), nil) // want `loopback host "127\.0\.0\.1"`
	http.ListenAndServe(fmt.Sprintf("[::1]:%s", p), nil)       // want `loopback host "::1"`
}

func tcpAddrs() {
	a, err := net.ResolveTCPAddr("tcp", "localhost:8092")
	if err != nil {
		return
	}
	net.ListenTCP("tcp", a) // want `net\.ListenTCP listens on hard-coded port 8092 and loopback host "localhost"`

	u, _ := net.ResolveUDPAddr("udp", ":8093")
	net.ListenUDP("udp", u) // want `hard-coded port 8093`

	t := &net.TCPAddr{IP: net.IPv6loopback, Port: 8094}
	net.ListenTCP("tcp6", t) // want `hard-coded port 8094 and loopback host "::1"`

	ip := net.ParseIP("::1")
	net.ListenTCP("tcp", &net.TCPAddr{IP: ip, Port: 8095}) // want `hard-coded port 8095 and loopback host "::1"`
}

func cycle() {
	a := ":8096"
	b := a
	a = b
	http.ListenAndServe(a, nil) // want `hard-coded port 8096`
}

func definitelyAssigned(dev bool, mode string) {
	var a string
	if dev {
		a = "localhost:8097"
	} else {
		a = ":8097"
	}
	http.ListenAndServe(a, nil) // want `^http\.ListenAndServe listens on hard-coded port 8097: read`

	var b string
	switch mode {
	case "dev":
		b = "localhost:8098"
	default:
		b = "127.0.0.1:8098"
	}
	http.ListenAndServe(b, nil) // want `hard-coded port 8098 and loopback host "localhost" or "127\.0\.0\.1"`
}
