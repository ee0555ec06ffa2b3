// Package server wraps the module's HTTP listeners: the addresses come
// from its callers, through a parameter (Run) and a configuration struct
// (Config.Addr, read by Server.Start).
package server

import (
	"fmt"
	"log"
	"net"
	"net/http"
	"time"
)

// Run serves http.DefaultServeMux on addr until it fails.
func Run(addr string) error {
	return http.ListenAndServe(addr, nil)
}

// Config configures a Server.
type Config struct {
	Addr string // where Start listens
	Name string // what its /healthz answers
}

// Server is a small HTTP server of its own mux, started in the background.
type Server struct {
	cfg Config
	mux *http.ServeMux
	ln  net.Listener
}

// New returns a Server that answers /healthz with its name.
func New(cfg Config) *Server {
	s := &Server{cfg: cfg, mux: http.NewServeMux()}
	s.mux.HandleFunc("/healthz", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, "%s ok\n", s.cfg.Name)
	})
	return s
}

// Start listens on the configured address and serves in a goroutine.
func (s *Server) Start() error {
	ln, err := net.Listen("tcp", s.cfg.Addr)
	if err != nil {
		return err
	}
	s.ln = ln
	go func() {
		srv := &http.Server{Handler: s.mux, ReadHeaderTimeout: 5 * time.Second}
		log.Printf("%s: %v", s.cfg.Name, srv.Serve(ln))
	}()
	return nil
}

// Describe only formats an address, for logs.
func Describe(addr string) string {
	return "listening on " + addr
}

// Ping dials addr, a client's connection: it listens on nothing.
func Ping(addr string) error {
	c, err := net.DialTimeout("tcp", addr, time.Second)
	if err != nil {
		return err
	}
	return c.Close()
}
