package main

import (
	"net"
	"testing"
)

// Test files are checked only with the include-tests setting.
func TestListen(t *testing.T) {
	l, err := net.Listen("tcp", ":7070")
	if err != nil {
		t.Skip(err)
	}
	l.Close()
}
