// Command ctor fills its servers field by field in constructors: what a
// constructor returns carries what it wrote, unless a caller writes the
// field again.
package main

import (
	"flag"
	"fmt"
	"log"
	"net/http"
)

type Server struct{ port int }

func New(port int) *Server { // want New:`sink: param 0 port of http\.ListenAndServe`
	s := new(Server)
	s.port = port
	return s
}

func (s *Server) Run() error { return http.ListenAndServe(fmt.Sprintf(":%d", s.port), nil) }

type Options struct{ Port int } // want Port:`sink: port of http\.ListenAndServe`

type Admin struct{ port int }

func NewAdmin(o Options) *Admin {
	a := &Admin{}
	a.port = o.Port
	return a
}

func (a *Admin) Run() error { return http.ListenAndServe(fmt.Sprintf(":%d", a.port), nil) }

// Lit builds its server in one literal.
type Lit struct{ port int }

func NewLit(port int) *Lit { return &Lit{port: port} } // want NewLit:`sink: param 0 port of http\.ListenAndServe`

func (l *Lit) Run() error { return http.ListenAndServe(fmt.Sprintf(":%d", l.port), nil) }

var port = flag.Int("port", 8000, "port")

func main() {
	flag.Parse()
	// A caller that writes the field again listens where it says.
	lit := NewLit(7070)
	lit.port = *port
	go lit.Run()
	adm := NewAdmin(Options{Port: 7071})
	adm.port = *port
	go adm.Run()
	go NewAdmin(Options{Port: 9090}).Run() // want `hard-coded port 9090`
	log.Fatal(New(8080).Run())             // want `hard-coded port 8080`
}
