package integration

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// TestVersion builds portlint from a copy of the checkout tagged v0.9.0,
// which the go command stamps as the module version as it does for go
// install …@v0.9.0, and checks that -version and -V=full name it. The
// binary built from the checkout by TestMain is a devel build.
func TestVersion(t *testing.T) {
	goVersion := goEnv(t, "GOVERSION")
	if out := mustRun(t, "", nil, portlintBin, "-version"); out != "portlint devel ("+goVersion+")\n" {
		t.Errorf("portlint -version of a checkout build: %q", out)
	}

	src := copyCheckout(t)
	gitInit(t, src, true)
	mustRun(t, src, gitEnv, "git", "tag", "v0.9.0")
	bin := filepath.Join(t.TempDir(), "portlint")
	// GOFLAGS may say -buildvcs=false; the flag wins.
	mustRun(t, src, nil, "go", "build", "-buildvcs=true", "-o", bin, "./cmd/portlint")
	if out := mustRun(t, "", nil, bin, "-version"); out != "portlint v0.9.0 ("+goVersion+")\n" {
		t.Errorf("portlint -version of v0.9.0: %q", out)
	}
	full := mustRun(t, "", nil, bin, "-V=full")
	if !regexp.MustCompile(`^portlint version v0\.9\.0 buildID=[0-9a-f]{64}\n$`).MatchString(full) {
		t.Errorf("portlint -V=full of v0.9.0: %q", full)
	}
}

// TestVetToolID checks the -V=full answer as the go command uses it: go
// vet (and go fix, which shares the code) keys its cache of a package's
// results on it. The same binary must hit the cache; a rebuilt, different
// binary at the same path must not get the old binary's results.
func TestVetToolID(t *testing.T) {
	dir := writeModule(t, map[string]string{
		// No imports: go vet runs the tool on this package only. The
		// comment makes the package new to the cache on each run.
		"clean/clean.go": fmt.Sprintf("// Package clean is new (%d).\npackage clean\n\n// Port is configured elsewhere.\nvar Port string\n", time.Now().UnixNano()),
	})
	bin := filepath.Join(t.TempDir(), "portlint")
	data, err := os.ReadFile(portlintBin)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(bin, data, 0o755); err != nil {
		t.Fatal(err)
	}
	// toolRuns runs go vet -x and counts the tool's runs on a package
	// (go vet -x prints them: bin ... $WORK/b001/vet.cfg).
	toolRuns := func() int {
		out := mustRun(t, dir, badEnv, "go", "vet", "-x", "-vettool="+bin, "./...")
		n := 0
		for l := range strings.Lines(out) {
			if strings.Contains(l, bin) && strings.Contains(l, "vet.cfg") {
				n++
			}
		}
		return n
	}
	toolRuns() // whether the cache had it or not, it has now
	if n := toolRuns(); n != 0 {
		t.Errorf("go vet ran the same binary again (%d runs): its -V=full answer is not stable", n)
	}
	// Another binary from the same source: stripped of its symbol table
	// (a link step only, so quick), and recording -ldflags=-s.
	mustRun(t, repoRoot, nil, "go", "build", "-ldflags=-s", "-o", bin, "./cmd/portlint")
	if n := toolRuns(); n != 1 {
		t.Errorf("go vet ran a rebuilt binary %d times, want 1: it reused the old binary's results", n)
	}
}
