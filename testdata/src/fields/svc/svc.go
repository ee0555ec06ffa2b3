// Package svc builds a service from one config with two ports: Start
// serves metrics in the background and the app until it fails.
package svc

import (
	"fmt"
	"net/http"
)

type Config struct {
	Port        int // want Port:`sink: port of http\.ListenAndServe`
	MetricsPort int // want MetricsPort:`sink: port of http\.ListenAndServe`
}

type Service struct{ cfg Config }

func New(cfg Config) *Service { return &Service{cfg: cfg} }

func (s *Service) Start() error { // want Start:`serves`
	go http.ListenAndServe(fmt.Sprintf(":%d", s.cfg.MetricsPort), nil)
	return http.ListenAndServe(fmt.Sprintf(":%d", s.cfg.Port), nil)
}
