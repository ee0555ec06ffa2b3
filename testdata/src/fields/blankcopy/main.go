// Command blankcopy keeps a struct it never hands on: assigned to the
// blank identifier, its copy goes nowhere, and no listener reads it.
package main

import (
	"net"
	"net/http"
	"os"
)

type U struct{ Host string } // want Host:`sink: address of net\.Listen`

func serve(u *U) {
	l, _ := net.Listen("tcp", u.Host)
	http.Serve(l, nil)
}

func main() {
	d := U{Host: "db:5432"}
	_ = d
	serve(&U{Host: os.Getenv("HOST")})
}
