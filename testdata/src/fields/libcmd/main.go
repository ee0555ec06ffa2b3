// Command libcmd reads its address from the environment; lib's default
// applies only when that is empty.
package main

import (
	"log"
	"os"

	"fields/lib"
)

func main() {
	s := lib.NewServer(lib.Config{Addr: os.Getenv("ADDR")})
	log.Fatal(s.Start())
}
