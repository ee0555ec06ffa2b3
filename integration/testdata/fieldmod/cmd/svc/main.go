// Command svc builds one service with two ports from one config: the
// app's port is the program's $PORT, the metrics port a variable of its
// own.
package main

import (
	"log"

	"fieldmod/svc"
)

func main() {
	log.Fatal(svc.New(svc.Config{
		Port:        9000,
		MetricsPort: 9101,
	}).Start())
}
