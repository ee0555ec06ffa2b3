// Package lookalike has user types whose names and methods look like the // want package:`has exported address variables`
// standard library's listeners.
package lookalike

type server struct{ Addr string }

func (server) ListenAndServe(addr string, h any) error { return nil }
func (server) Listen(network, addr string) error       { return nil }

type Server struct{ Addr string } // want Addr:`holds ":8080" or "localhost:9090"`

func Listen(network, addr string) error { return nil }

func lookalikes() {
	var http server
	http.ListenAndServe(":8080", nil)
	var net server
	net.Listen("tcp", "localhost:8080")
	Listen("tcp", ":8080")
	s := Server{Addr: ":8080"}
	s.Addr = "localhost:9090"
	_ = s
}
