// Command shapesuser starts the servers of package shapes.
package main

import (
	"log"
	"net/http"
	"os"

	"sinks/shapes"
)

func main() {
	e := &shapes.Engine{}
	go e.Run(":8081") // want `shapes\.Engine\.Run listens on hard-coded port 8081`
	go e.Run(os.Getenv("ADDR"))
	shapes.RunAll(":8082", ":8083")
	go shapes.RunLast(":8084")
	log.Fatal(http.ListenAndServe(":"+os.Getenv("PORT"), nil))
}
