// Package lib listens on an exported variable of another package: which
// packages assign it depends on the program, which a library does not
// know, so it is not reported here (but is, under portlint ./... at the
// module's root, when no package of the module assigns it).
package lib

import (
	"net"

	"tracing/exported/config"
)

func Serve() error { // want Serve:`serves`
	l, err := net.Listen("tcp", config.GRPCPort)
	if err != nil {
		return err
	}
	return l.Close()
}
