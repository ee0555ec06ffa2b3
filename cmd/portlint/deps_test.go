package main

import (
	"os/exec"
	"strings"
	"testing"
)

// TestNoCgo checks that the command links no cgo: go vet starts the tool
// once for each package and dependency (over a thousand times on a
// service), and a binary importing net or os/user is linked dynamically
// where cgo is enabled, which adds milliseconds to every start.
func TestNoCgo(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", ".").Output()
	if err != nil {
		t.Fatalf("go list -deps: %v", err)
	}
	for _, pkg := range strings.Fields(string(out)) {
		switch pkg {
		case "net", "os/user", "runtime/cgo", "plugin":
			t.Errorf("cmd/portlint depends on %s", pkg)
		}
	}
}
