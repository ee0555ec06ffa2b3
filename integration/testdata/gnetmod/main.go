// Command gnetmod serves a TCP echo protocol with gnet v2 on a hard-coded
// tcp:// address, beside an HTTP metrics server: portlint -fix makes the
// gnet engine, which main waits on, read $PORT on all interfaces, and
// gives the metrics server a variable of its own.
package main

import (
	"log"
	"net/http"

	"github.com/panjf2000/gnet/v2"
)

type echo struct{ gnet.BuiltinEventEngine }

func (e *echo) OnTraffic(c gnet.Conn) gnet.Action {
	buf, _ := c.Next(-1)
	_, _ = c.Write(buf)
	return gnet.None
}

const metricsAddr = ":9090"

func main() {
	mux := http.NewServeMux()
	mux.HandleFunc("/metrics", func(w http.ResponseWriter, r *http.Request) {
		_, _ = w.Write([]byte("up 1\n"))
	})
	go func() { log.Fatal(http.ListenAndServe(metricsAddr, mux)) }()
	log.Fatal(gnet.Run(&echo{}, "tcp://:9000", gnet.WithMulticore(true)))
}
