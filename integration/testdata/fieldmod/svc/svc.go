// Package svc builds a service from one config with two ports: Start
// serves metrics in the background and the app until it fails.
package svc

import (
	"fmt"
	"io"
	"net/http"
)

type Config struct {
	Port        int
	MetricsPort int
}

type Service struct{ cfg Config }

func New(cfg Config) *Service { return &Service{cfg: cfg} }

func (s *Service) Start() error {
	metrics := http.NewServeMux()
	metrics.HandleFunc("/metrics", func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, "up 1\n")
	})
	go http.ListenAndServe(fmt.Sprintf(":%d", s.cfg.MetricsPort), metrics)
	app := http.NewServeMux()
	app.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, "hello from svc\n")
	})
	return http.ListenAndServe(fmt.Sprintf(":%d", s.cfg.Port), app)
}
