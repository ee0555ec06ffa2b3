package main

func main() {
	s := &server{addr: ":3000"} // want `ownserver\.server\.addr listens on hard-coded port 3000: read the port from \$PORT`
	s.start()
}
