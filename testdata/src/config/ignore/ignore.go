// Package ignore exercises //portlint:ignore directives.
package ignore

import (
	"net"
	"net/http"
)

func debug() {
	//portlint:ignore pprof is only reachable through kubectl port-forward
	go http.ListenAndServe("localhost:6060", nil)

	go http.ListenAndServe("localhost:6061", nil) //portlint:ignore local debugging endpoint

	/* // want `portlint:ignore needs a reason` */ //portlint:ignore
	go http.ListenAndServe(":8080", nil)           // want `hard-coded port 8080`

	go net.Listen("tcp", ":8081") // want `hard-coded port 8081`

	//portlint:ignore metrics used to listen here // want `portlint:ignore suppresses nothing here: remove it`
	go serve()

	//portlint:ignored is not the directive
	go http.ListenAndServe(":8082", nil) // want `hard-coded port 8082`
}

func serve() {}
