// Package main computes ports from parameters: a parameter plus a
// constant is a hard-coded port for each constant argument.
package main

import (
	"fmt"
	"log"
	"net/http"
	"os"
	"strconv"
)

// run's admin server listens 1000 above its main one.
func run(port int) {
	go http.ListenAndServe(fmt.Sprintf(":%d", port+1000), nil)
	log.Fatal(http.ListenAndServe(fmt.Sprintf(":%d", port), nil))
}

func admin(port int) { http.ListenAndServe(":"+strconv.Itoa(1+port), nil) }

// Negatives: a caller reading the environment, an integer that may
// wrap, port 0 plus 0.
func fromEnv(port int)  { http.ListenAndServe(fmt.Sprintf(":%d", port+1), nil) }
func narrow(port uint8) { http.ListenAndServe(fmt.Sprintf(":%d", port+1), nil) }
func zeroPlus(port int) { http.ListenAndServe(fmt.Sprintf(":%d", port+0), nil) }

func main() {
	go admin(7000) // want `http\.ListenAndServe \(through admin\) listens on hard-coded port 7001`
	p, _ := strconv.Atoi(os.Getenv("ADMIN_PORT"))
	go fromEnv(p)
	go narrow(80)
	go zeroPlus(0)
	run(8080) // want `\(through run\) listens on hard-coded port 9080: the platform routes only \$PORT` `\(through run\) listens on hard-coded port 8080: read the port from \$PORT`
}
