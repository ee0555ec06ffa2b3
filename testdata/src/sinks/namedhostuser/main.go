// Command namedhostuser passes loopback hosts of a named string type:
// the finding names the host, and the fix binds 0.0.0.0.
package main

import (
	"flag"
	"log"
	"os"

	"sinks/namedhost"
)

const local namedhost.Host = "localhost"

var host = flag.String("host", "", "the host to bind")

func main() {
	flag.Parse()
	log.Fatal(namedhost.Join("127.0.0.1", namedhost.Port(os.Getenv("JOIN_PORT")))) // want `^namedhost\.Join listens on loopback host "127\.0\.0\.1", unreachable from outside the container: bind 0\.0\.0\.0$`
	log.Fatal(namedhost.Join("::1", "8082"))                                       // want `namedhost\.Join listens on hard-coded port 8082 and loopback host "::1": read the port from \$PORT and bind 0\.0\.0\.0`
	log.Fatal(namedhost.Concat(local, 8081))                                       // want `namedhost\.Concat listens on hard-coded port 8081 and loopback host "localhost": read the port from \$PORT and bind 0\.0\.0\.0`
	log.Fatal(namedhost.Serve("127.0.0.1", 8080))                                  // want `namedhost\.Serve listens on hard-coded port 8080 and loopback host "127\.0\.0\.1": read the port from \$PORT and bind 0\.0\.0\.0`
	log.Fatal(namedhost.Serve(namedhost.Host(*host), 8083))                        // want `^namedhost\.Serve listens on hard-coded port 8083: read the port from \$PORT$`
}
