package integration

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestDemo runs the README's first command: portlint on the demo app, as
// a tool of its module. Its output is the README's, paths relative to
// the demo directory (go -C changes into it).
func TestDemo(t *testing.T) {
	out, code := run(t, repoRoot, nil, "go", "-C", "examples/demo", "tool", "portlint", "./...")
	if code != 3 {
		t.Fatalf("go -C examples/demo tool portlint ./... exited %d, want 3 (findings):\n%s", code, out)
	}
	readme, err := os.ReadFile(filepath.Join(repoRoot, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	_, after, _ := strings.Cut(string(readme), "The first command prints:\n\n```\n")
	want, _, found := strings.Cut(after, "```\n")
	if !found || !strings.Contains(want, "main.go:22:25: http.ListenAndServe listens on hard-coded port 9090") {
		t.Fatalf("README.md has no demo output after \"The first command prints:\"")
	}
	if out != want {
		t.Errorf("demo output:\n%s\nREADME.md shows:\n%s", out, want)
	}
	if strings.Contains(out, "ADMIN_ADDR") || strings.Count(out, "listens on") != 3 {
		t.Errorf("demo output should have exactly 3 findings:\n%s", out)
	}
}
