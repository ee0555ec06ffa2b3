// Command tiny imports no listen package itself: only package wrap,
// whose export data does not say that it imports net/http. go vet sees
// that it listens by wrap's facts.
package main

import (
	"log"

	"example.com/sinkmod/wrap"
)

func main() {
	log.Fatal(wrap.Run(":8099"))
}
