// Package envname reads the port variable with the wrong letter case.
package envname

import (
	"os"
	"syscall"
)

const portVar = "Port"

func port() string {
	if p := os.Getenv("port"); p != "" { // want `os\.Getenv reads \$port, not \$PORT: environment variable names are case-sensitive`
		return p
	}
	if p, ok := os.LookupEnv(portVar); ok { // want `os\.LookupEnv reads \$Port, not \$PORT`
		return p
	}
	p, _ := syscall.Getenv("pOrT") // want `syscall\.Getenv reads \$pOrT`
	return p + os.Getenv("PORTS") + os.Getenv("HTTP_PORT")
}
