// Package callers passes addresses as arguments.
package callers

import (
	"fmt"
	"net"
	"net/http"
	"os"
)

func startServer(addr string) error {
	return http.ListenAndServe(addr, nil)
}

func listenPort(port string) (net.Listener, error) {
	return net.Listen("tcp", ":"+port)
}

func grpcPort(port int) (net.Listener, error) {
	return net.Listen("tcp", fmt.Sprintf(":%d", port))
}

func main() {
	go startServer(":50051")       // want `http\.ListenAndServe \(through startServer\) listens on hard-coded port 50051`
	go startServer("localhost:80") // want `hard-coded port 80: the platform routes only \$PORT`
	listenPort("9000")             // want `net\.Listen \(through listenPort\) listens on hard-coded port 9000`
	grpcPort(9001)                 // want `hard-coded port 9001`

	serve := func(addr string) { http.ListenAndServe(addr, nil) }
	serve(":7000") // want `\(through serve\) listens on hard-coded port 7000`

	for _, a := range []string{":7001", ":7002"} {
		startOne(a) // want `\(through startOne\) starts one server per element of a list, on hard-coded ports 7001 and 7002`
	}
}

func startOne(addr string) { go http.ListenAndServe(addr, nil) }

// One caller passes configuration, another a constant: that call listens
// on a hard-coded port.
func mixed(addr string) { http.ListenAndServe(addr, nil) }

// Escapes: stored as a value, so other callers may exist; this package's
// direct calls are still known.
func stored(addr string) { http.ListenAndServe(addr, nil) }

var handlers = map[string]func(string){"stored": stored}

// Exported: callers in other packages are unknown, and learn of its sink
// from its fact.
func Serve(addr string) { http.ListenAndServe(addr, nil) } // want Serve:`serves` Serve:`sink: param 0 address of http.ListenAndServe`

// Reassigned inside: not only the callers' value.
func reassigned(addr string) {
	if addr == "" {
		addr = os.Getenv("ADDR")
	}
	http.ListenAndServe(addr, nil)
}

func eachCall() {
	mixed(":8080")  // want `http\.ListenAndServe \(through mixed\) listens on hard-coded port 8080`
	stored(":8081") // want `callers\.stored listens on hard-coded port 8081`
	Serve(":8082")  // want `callers\.Serve listens on hard-coded port 8082`
	// Its default is reached only for an empty address: this one is the address.
	reassigned(":8083") // want `\(through reassigned\) listens on hard-coded port 8083`
}

func negatives() {
	mixed(os.Getenv("ADDR"))
	startTwo(":0")
}

func startTwo(addr string) { go http.ListenAndServe(addr, nil) }

// A variadic tail does not hide the parameters before it; its first
// element, opts[0], is the value its callers pass first there.
func withOptions(addr string, opts ...string) { http.ListenAndServe(addr, nil) }

func withTail(opts ...string) { http.ListenAndServe(opts[0], nil) }

func variadic() {
	withOptions(":7003")           // want `\(through withOptions\) listens on hard-coded port 7003`
	withOptions(":7004", "a", "b") // want `hard-coded port 7004`
	withTail(":7005")              // want `\(through withTail\) listens on hard-coded port 7005`
	withTail()
}

// An interface parameter carries the constant its callers pass.
func serveAny(port any) { http.ListenAndServe(fmt.Sprintf(":%v", port), nil) }

func anyCaller() {
	serveAny(8085) // want `\(through serveAny\) listens on hard-coded port 8085`
}
