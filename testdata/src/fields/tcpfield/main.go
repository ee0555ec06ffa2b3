// Command tcpfield keeps its listeners' address structs in fields.
package main

import (
	"net"
	"os"
	"strconv"
)

type server struct{ la *net.TCPAddr }

func main() {
	s := server{la: &net.TCPAddr{Port: 7070}}
	l, err := net.ListenTCP("tcp", s.la) // want `^net\.ListenTCP listens on hard-coded port 7070: read the port from \$PORT$`
	if err != nil {
		panic(err)
	}
	defer l.Close()
	configured()
	aliased()
}

// configured's port comes from the environment: not reported.
func configured() {
	port, _ := strconv.Atoi(os.Getenv("ADMIN_PORT"))
	var s server
	s.la = &net.TCPAddr{Port: port}
	if l, err := net.ListenTCP("tcp", s.la); err == nil {
		l.Close()
	}
}

// aliased's field is copied, and the copy changed: not reported.
func aliased() {
	s := server{la: &net.TCPAddr{Port: 7071}}
	la := s.la
	la.Port, _ = strconv.Atoi(os.Getenv("ADMIN_PORT"))
	if l, err := net.ListenTCP("tcp", s.la); err == nil {
		l.Close()
	}
}
