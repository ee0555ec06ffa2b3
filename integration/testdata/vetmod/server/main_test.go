package main

import (
	"net"
	"testing"
)

// Test files are checked only with -include-tests.
func TestListen(t *testing.T) {
	l, err := net.Listen("tcp", ":7070")
	if err != nil {
		t.Skip(err)
	}
	l.Close()
}
