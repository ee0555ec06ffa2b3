// Command defaults listens where its configuration says, and on a
// default address where it says nothing, written as alternatives of one
// server: the default is what cmp.Or's last argument is, not a
// hard-coded server.
package main

import (
	"log"
	"net/http"
	"os"
)

func main() {}

const metricsAddr = ":9090"

// A guard on $PORT, then the configured call.
func guard() {
	go http.ListenAndServe(metricsAddr, nil) // want `^http\.ListenAndServe listens on hard-coded port 9090: the platform routes only \$PORT, to the primary server http\.ListenAndServe \(main\.go:24\); read this listener's port from \$METRICS_PORT$`
	port := os.Getenv("PORT")
	if port == "" {
		log.Fatal(http.ListenAndServe(":8081", nil))
	}
	log.Fatal(http.ListenAndServe(":"+port, nil))
}

// if/else on another variable, with a loopback default.
func ifElse() {
	if addr := os.Getenv("LISTEN_ADDR"); addr != "" {
		log.Fatal(http.ListenAndServe(addr, nil))
	} else {
		log.Fatal(http.ListenAndServe("localhost:8082", nil))
	}
}

// os.LookupEnv, with an early return.
func lookup() error {
	port, ok := os.LookupEnv("PORT")
	if !ok {
		return http.ListenAndServe(":8083", nil)
	}
	return http.ListenAndServe(":"+port, nil)
}

// A switch on the value.
func switchOn() {
	switch port := os.Getenv("PORT"); port {
	case "":
		log.Fatal(http.ListenAndServe(":8084", nil))
	default:
		log.Fatal(http.ListenAndServe(":"+port, nil))
	}
}

// A server whose address is built from the value in a variable, in a
// switch without a tag.
func built() {
	port := os.Getenv("PORT")
	addr := ":" + port
	switch {
	case port == "":
		srv := &http.Server{Addr: "127.0.0.1:8085"}
		log.Fatal(srv.ListenAndServe())
	default:
		log.Fatal(http.ListenAndServe(addr, nil))
	}
}

// Through a helper of the package that listens, with os.LookupEnv in
// the if.
func helper() {
	if addr, ok := os.LookupEnv("ADDR"); ok {
		log.Fatal(serve(addr))
	} else {
		log.Fatal(serve("localhost:8090"))
	}
}

func serve(addr string) error { return http.ListenAndServe(addr, nil) }

// A condition on a value no arm's address reads changes nothing.
func unrelated() {
	debug := os.Getenv("DEBUG")
	if debug == "" {
		log.Fatal(http.ListenAndServe(":8086", nil)) // want `^http\.ListenAndServe listens on hard-coded port 8086: read the port from \$PORT$`
	}
	if os.Getenv("VERBOSE") != "" {
		log.Fatal(http.ListenAndServe(":8087", nil)) // want `^http\.ListenAndServe listens on hard-coded port 8087: read the port from \$PORT$`
	}
	log.Fatal(http.ListenAndServe(":"+os.Getenv("PORT"), nil))
}

// A constant in both arms: both are hard-coded.
func both() {
	port := os.Getenv("PORT")
	if port == "" {
		log.Fatal(http.ListenAndServe(":8088", nil)) // want `^http\.ListenAndServe listens on hard-coded port 8088: read the port from \$PORT$`
	} else {
		log.Fatal(http.ListenAndServe(":8089", nil)) // want `^http\.ListenAndServe listens on hard-coded port 8089: read the port from \$PORT$`
	}
}
