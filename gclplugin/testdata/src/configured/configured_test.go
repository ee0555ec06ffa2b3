package configured

import "net"

func listenInTest() {
	net.Listen("tcp", ":7070") // want `hard-coded port 7070`
}
