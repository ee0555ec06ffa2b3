// Package integration runs the real tools a user runs — the portlint
// binary, go vet -vettool, a custom golangci-lint, pre-commit — on fixture
// modules under testdata/.
package integration

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"testing"
)

// repoRoot is the portlint checkout (this package's parent directory).
var repoRoot string

// portlintBin is a portlint binary built from this checkout by TestMain.
var portlintBin string

func TestMain(m *testing.M) {
	os.Exit(runMain(m))
}

func runMain(m *testing.M) int {
	_, file, _, _ := runtime.Caller(0)
	repoRoot = filepath.Dir(filepath.Dir(file))
	dir, err := os.MkdirTemp("", "portlint-bin-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer os.RemoveAll(dir)
	portlintBin = filepath.Join(dir, "portlint")
	cmd := exec.Command("go", "build", "-o", portlintBin, "./cmd/portlint")
	cmd.Dir = repoRoot
	if out, err := cmd.CombinedOutput(); err != nil {
		fmt.Fprintf(os.Stderr, "building portlint: %v\n%s", err, out)
		return 1
	}
	return m.Run()
}

// copyDir copies the fixture tree src into a fresh temporary directory, so
// tests that apply fixes never touch the checkout.
func copyDir(t *testing.T, src string) string {
	t.Helper()
	dst := t.TempDir()
	err := filepath.Walk(src, func(path string, info os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, path)
		target := filepath.Join(dst, rel)
		if info.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(target, data, info.Mode().Perm())
	})
	if err != nil {
		t.Fatal(err)
	}
	return dst
}

// run runs name with args in dir and returns its combined output and exit
// code; it fails the test only if the command cannot start.
func run(t *testing.T, dir string, env []string, name string, args ...string) (string, int) {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	out, err := cmd.CombinedOutput()
	if err != nil {
		if ee, ok := err.(*exec.ExitError); ok {
			return string(out), ee.ExitCode()
		}
		t.Fatalf("%s %v: %v\n%s", name, args, err, out)
	}
	return string(out), 0
}
