// Command runctxcmd waits on Run, which serves in a goroutine of its
// own: its server is the one on $PORT, not the metrics server beside it.
package main

import (
	"context"
	"log"
	"net/http"

	"program/runctx"
)

func main() {
	go http.ListenAndServe(":9100", nil)         // want `http\.ListenAndServe listens on hard-coded port 9100: the platform routes only \$PORT`
	s := runctx.New(":8080", http.NewServeMux()) // want `runctx\.New listens on hard-coded port 8080: read the port from \$PORT`
	log.Fatal(s.Run(context.Background()))
}
