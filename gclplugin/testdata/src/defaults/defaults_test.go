package defaults

import "net"

func listenInTest() {
	net.Listen("tcp", ":7070") // not checked: include-tests is off by default
}
