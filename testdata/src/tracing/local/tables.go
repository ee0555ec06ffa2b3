package local

import (
	"fmt"
	"net"
	"net/http"
	"os"
	"strconv"
)

func serveAt(addr string) { http.ListenAndServe(addr, nil) }

// A local table of struct literals, ranged over: one server per element.
func structTable() {
	servers := []struct {
		host string
		port int
	}{{"127.0.0.1", 7304}, {"[::1]", 7305}}
	for _, s := range servers {
		go serveAt(fmt.Sprintf("%s:%d", s.host, s.port)) // want `starts one server per element of a list, on hard-coded ports 7304 and 7305 and loopback hosts "127\.0\.0\.1" and "::1"`
	}
}

// A positional struct literal sets its fields in order.
func positional() {
	c := struct{ host, port string }{"localhost", "8090"}
	http.ListenAndServe(c.host+":"+c.port, nil) // want `hard-coded port 8090 and loopback host "localhost"`
}

// Negatives: an element read from the environment; a table written
// after it is built.
func structTableNegatives() {
	servers := []struct{ addr string }{{":7306"}, {os.Getenv("ADDR")}}
	for _, s := range servers {
		go serveAt(s.addr)
	}
	more := []struct{ addr string }{{":7307"}}
	more[0].addr = os.Getenv("ADDR")
	for _, s := range more {
		go serveAt(s.addr)
	}
}

const basePort = 8090

// A counted loop starts one server per value of its variable.
func countedPorts() {
	for i := 0; i < 3; i++ {
		go serveAt(fmt.Sprintf(":%d", basePort+i)) // want `starts one server per element of a list, on hard-coded ports 8090, 8091 and 8092`
	}
	for i := 1; i <= 2; i++ {
		go http.ListenAndServe(":"+strconv.Itoa(7000+i), nil) // want `starts one server per element of a list, on hard-coded ports 7001 and 7002`
	}
}

// strconv.Itoa of a ranged element is still one server per element (it
// was taken for one server, whose fix gave both elements one variable).
func printedElements() {
	for _, p := range []int{8070, 8071} {
		go http.ListenAndServe(":"+strconv.Itoa(p), nil) // want `starts one server per element of a list, on hard-coded ports 8070 and 8071`
	}
}

// Negatives: the variable written in the body, a bound not constant,
// too many values, a sum with a value not known.
func countedNegatives(n int) {
	for i := 0; i < 3; i++ {
		i += 0
		go serveAt(fmt.Sprintf(":%d", 6000+i))
	}
	for i := 0; i < n; i++ {
		go serveAt(fmt.Sprintf(":%d", 6010+i))
	}
	for i := 0; i < 100; i++ {
		go serveAt(fmt.Sprintf(":%d", 6100+i))
	}
	for i := 0; i < 2; i++ {
		go serveAt(fmt.Sprintf(":%d", n+i))
	}
}

// Reviewers' probes, all silent: a sum on a cycle, a loop trying ports
// until one is free, one variable taken twice, a sum that may wrap.
func cycleSum() {
	port := 9000
	port = port + 1
	go serveAt(fmt.Sprintf(":%d", port))
}

func tryPorts() net.Listener {
	for port := 8080; port < 8090; port++ {
		if ln, err := net.Listen("tcp", fmt.Sprintf(":%d", port)); err == nil {
			return ln
		}
	}
	return nil
}

func twice() {
	for i := 0; i < 3; i++ {
		go serveAt(fmt.Sprintf(":%d", 8400+i+i))
	}
}

func wraps() {
	for i := uint8(0); i < 3; i++ {
		go serveAt(fmt.Sprintf(":%d", i+254))
	}
}

// A table an element of which a range statement assigns is not frozen.
func rangeWritten() {
	addrs := []string{":7311", ":7312"}
	for _, addrs[0] = range os.Args[1:] {
	}
	for _, a := range addrs {
		go serveAt(a)
	}
}

// An element of a variadic parameter whose method is called is taken as
// changed (one check with the frozen tables, whose elements' fields a
// selector may write), so its callers' value is not the one listened on.
type stepper interface{ Step() }

type stepPort int

func (stepPort) Step() {}

func serveStepped(ports ...stepper) {
	ports[0].Step()
	http.ListenAndServe(fmt.Sprintf(":%v", ports[0]), nil)
}

func stepped() {
	serveStepped(stepPort(7313))
}

// Two loopback hosts with a configured port: one server per element,
// none reachable; the finding asks for the one the platform reaches.
func loopbackElements() {
	for _, h := range []string{"127.0.0.1", "localhost"} {
		go http.ListenAndServe(net.JoinHostPort(h, os.Getenv("ADMIN_PORT")), nil) // want `starts one server per element of a list, on loopback hosts "127\.0\.0\.1" and "localhost": bind 0\.0\.0\.0 in the one the platform should reach`
	}
}
