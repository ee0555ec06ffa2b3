// Package ipaddr covers the *net.TCPAddr and *net.UDPAddr forms.
package ipaddr

import (
	"net"
	"os"
	"strconv"
)

func positional() {
	net.ListenTCP("tcp", &net.TCPAddr{net.IPv4(127, 0, 0, 1), 8080, ""})    // want `hard-coded port 8080 and loopback host "127\.0\.0\.1"`
	net.ListenUDP("udp", &net.UDPAddr{IP: net.IPv4zero, Port: 9000})        // want `^net\.ListenUDP listens on hard-coded port 9000: read the port from \$PORT$`
	net.ListenTCP("tcp", &net.TCPAddr{IP: net.IPv6unspecified, Port: 9001}) // want `hard-coded port 9001`
}

func configured() {
	port, _ := strconv.Atoi(os.Getenv("PORT"))
	net.ListenTCP("tcp", &net.TCPAddr{Port: port})
	net.ListenTCP("tcp", &net.TCPAddr{IP: net.ParseIP(os.Getenv("HOST")), Port: port})
	a, _ := net.ResolveTCPAddr("tcp", ":"+os.Getenv("PORT"))
	net.ListenTCP("tcp", a)
	net.ListenTCP("tcp", &net.TCPAddr{IP: net.IPv4(127, 0, 0, 1), Port: port}) // want `^net\.ListenTCP listens on loopback host "127\.0\.0\.1", unreachable`
}

// serveLoopback listens on loopback at the port its caller gives: the
// host, an IPv4 constant, is known at the caller's constant too.
func serveLoopback(port int) {
	net.ListenTCP("tcp", &net.TCPAddr{IP: net.IPv4(127, 0, 0, 1), Port: port})
}

func callsLoopback() {
	serveLoopback(9100) // want `^net\.ListenTCP \(through serveLoopback\) listens on hard-coded port 9100 and loopback host "127\.0\.0\.1": read the port from \$PORT and bind 0\.0\.0\.0$`
}

// Held in a variable, an address struct is known only while nothing else
// can reach it: a copy or another function may change its port.
func aliased() {
	a := &net.TCPAddr{Port: 7071}
	b := a
	b.Port, _ = strconv.Atoi(os.Getenv("PORT"))
	net.ListenTCP("tcp", a)

	c := &net.TCPAddr{Port: 7072}
	setPort(c)
	net.ListenTCP("tcp", c)

	d := &net.TCPAddr{Port: 7073}
	d.Port, _ = strconv.Atoi(os.Getenv("PORT"))
	net.ListenTCP("tcp", d)

	e := &net.TCPAddr{Port: 7074}
	_ = e.Port
	net.ListenTCP("tcp", e) // want `^net\.ListenTCP listens on hard-coded port 7074`
}

func setPort(a *net.TCPAddr) { a.Port, _ = strconv.Atoi(os.Getenv("PORT")) }
