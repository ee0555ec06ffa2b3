// Command optlibcmd builds its one server with another package's option,
// then runs it: the option's address is the server's, on $PORT.
package main

import (
	"log"

	"fields/optlib"
)

func main() {
	s := optlib.New(optlib.WithAddr(":8080")) // want `optlib\.WithAddr listens on hard-coded port 8080: read the port from \$PORT`
	log.Fatal(s.Run())
}

// Options held in a variable, then served: one server, on $PORT.
func held() {
	o := optlib.Options{Port: 9000} // want `optlib\.Options\.Port listens on hard-coded port 9000: read the port from \$PORT`
	log.Fatal(optlib.Serve(o))
}
