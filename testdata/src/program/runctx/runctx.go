// Package runctx serves in a goroutine and waits for it or for the
// context: a call of Run returns only when the server stops.
package runctx

import (
	"context"
	"net/http"
)

type Server struct{ srv *http.Server }

func New(addr string, h http.Handler) *Server { // want New:`sink: param 0 address of http\.Server\.Addr`
	return &Server{srv: &http.Server{Addr: addr, Handler: h}}
}

func (s *Server) Run(ctx context.Context) error { // want Run:`serves`
	errCh := make(chan error, 1)
	go func() { errCh <- s.srv.ListenAndServe() }()
	select {
	case err := <-errCh:
		return err
	case <-ctx.Done():
		return s.srv.Shutdown(context.Background())
	}
}
