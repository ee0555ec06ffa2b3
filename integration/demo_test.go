package integration

import (
	"strings"
	"testing"
)

// TestDemo runs the README's first command: portlint on the demo app, as
// a tool of its module.
func TestDemo(t *testing.T) {
	out, code := run(t, repoRoot, nil, "go", "-C", "examples/demo", "tool", "portlint", "./...")
	if code != 3 {
		t.Fatalf("go -C examples/demo tool portlint ./... exited %d, want 3 (findings):\n%s", code, out)
	}
	for _, want := range []string{
		`main.go:22:25: http.ListenAndServe listens on hard-coded port 9090: read the port from $PORT`,
		`main.go:13:7: 	port 9090 is written here`,
		`main.go:25:31: net.Listen listens on hard-coded port 6060 and loopback host "localhost"`,
		`main.go:31:28: http.Server.Addr listens on hard-coded port 8080 and loopback host "127.0.0.1"`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("demo output lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "ADMIN_ADDR") || strings.Count(out, "listens on") != 3 {
		t.Errorf("demo output should have exactly 3 findings:\n%s", out)
	}
}
