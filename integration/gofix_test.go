package integration

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestGoFix runs portlint's fixes through the go command, as the README
// shows: go fix -fixtool. The go command analyzes every package with its
// own build cache and facts, and applies the fixes itself.
func TestGoFix(t *testing.T) {
	dir := copyDir(t, filepath.Join("testdata", "fixmod"))
	before := readTree(t, dir)
	fixtool := "-fixtool=" + portlintBin

	// -diff prints the fixes, exits non-zero and changes nothing.
	out, code := run(t, dir, nil, "go", "fix", fixtool, "-diff", "./...")
	if code == 0 || !strings.Contains(out, `+	addr := net.JoinHostPort("0.0.0.0", cmp.Or(os.Getenv("PORT"), "8080"))`) {
		t.Errorf("go fix -diff: exit %d, want non-zero and the fix of cmd/api:\n%s", code, out)
	}
	if !equalTrees(before, readTree(t, dir)) {
		t.Fatalf("go fix -diff changed the sources")
	}

	out, code = run(t, dir, nil, "go", "fix", fixtool, "./...")
	if code != 0 {
		t.Fatalf("go fix %s ./... exited %d:\n%s", fixtool, code, out)
	}
	after := readTree(t, dir)
	all := strings.Join(values(after), "\n")
	for _, w := range []string{
		`addr := net.JoinHostPort("0.0.0.0", cmp.Or(os.Getenv("PORT"), "8080"))`,          // cmd/api: the primary, the address of a constant
		`var addr = net.JoinHostPort("0.0.0.0", cmp.Or(os.Getenv("ADMIN_PORT"), "8090"))`, // internal/admin: a variable assigned in two files
		`init() { addr = net.JoinHostPort("0.0.0.0", cmp.Or(os.Getenv("ADMIN_PORT"), "8091")) }`,
		`addr := net.JoinHostPort("localhost", cmp.Or(os.Getenv("DEBUG_PORT"), "6060"))`, // internal/debug: its own variable, its host kept
		`net.JoinHostPort(host, cmp.Or(os.Getenv("METRICS_PORT"), "9090"))`,
	} {
		if !strings.Contains(all, w) {
			t.Errorf("fixed sources lack %q", w)
		}
	}
	if t.Failed() {
		t.Logf("fixed sources:\n%s", dump(after))
	}
	for _, args := range [][]string{{"build", "./..."}, {"vet", "./..."}} {
		if out, code := run(t, dir, nil, "go", args...); code != 0 {
			t.Fatalf("go %s after go fix failed:\n%s\n%s", strings.Join(args, " "), out, dump(after))
		}
	}
	if out, code := run(t, dir, nil, portlintBin, "./..."); code != 0 {
		t.Errorf("portlint still reports after go fix (exit %d):\n%s", code, out)
	}

	// portlint's flags go after -fixtool, as after -vettool.
	dir = copyDir(t, filepath.Join("testdata", "fixmod"))
	mustRun(t, dir, nil, "go", "fix", fixtool, "-env=APP_PORT", "./cmd/api")
	if got := readTree(t, dir)[filepath.Join(dir, "cmd", "api", "main.go")]; !strings.Contains(got, `cmp.Or(os.Getenv("APP_PORT"), "8080")`) {
		t.Errorf("go fix -env=APP_PORT: cmd/api/main.go is\n%s", got)
	}
}
