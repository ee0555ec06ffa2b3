// Command intportsuser passes constant ports of several integer types:
// each fix converts the port it reads to the parameter's type.
package main

import (
	"fmt"
	"log"
	"net/http"

	"fixes/intports"
)

const adminPort intports.Port = 9092

// port is this program's own port type.
type port int64

func serve(p port) { log.Println(http.ListenAndServe(fmt.Sprintf(":%d", p), nil)) }

func main() {
	go intports.ServeU16(9090)         // want `intports\.ServeU16 listens on hard-coded port 9090`
	go intports.ServeI32(9091)         // want `intports\.ServeI32 listens on hard-coded port 9091`
	go intports.ServeNamed(adminPort)  // want `intports\.ServeNamed listens on hard-coded port 9092`
	go serve(9093)                     // want `http\.ListenAndServe \(through serve\) listens on hard-coded port 9093`
	log.Fatal(intports.ServeInt(8080)) // want `intports\.ServeInt listens on hard-coded port 8080`
}
