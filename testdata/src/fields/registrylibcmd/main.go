// Command registrylibcmd registers its app and a debug server, started
// by RunAll: the app reads $PORT, the debug server keeps its loopback
// host and a variable of its own.
package main

import "fields/registrylib"

func main() {
	var reg registrylib.Registry
	reg.Register(":8080")          // want `^registrylib\.Registry\.Register listens on hard-coded port 8080: read the port from \$PORT`
	reg.Register("127.0.0.1:6060") // want `^registrylib\.Registry\.Register listens on hard-coded port 6060: the platform routes only \$PORT, to the primary server`
	reg.RunAll()
}
