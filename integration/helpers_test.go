package integration

import (
	"bufio"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// inCI reports whether the tests run in CI (CI=true, as most CI systems
// and .ci/run set it). There a missing tool is a failure, not a skip.
func inCI() bool {
	ci, _ := strconv.ParseBool(os.Getenv("CI"))
	return ci
}

// requireTool returns the path of the executable name. If it is missing,
// the test fails under CI and is skipped otherwise, saying how to get it.
func requireTool(t *testing.T, name, install string) string {
	t.Helper()
	path, err := exec.LookPath(name)
	if err == nil {
		return path
	}
	if inCI() {
		t.Fatalf("%s is not installed (CI=true, so this is a failure): %s", name, install)
	}
	t.Skipf("skipping: %s is not installed (%s); with CI=true this test fails instead", name, install)
	return ""
}

// goEnv returns the value of go env key.
func goEnv(t *testing.T, key string) string {
	t.Helper()
	out, err := exec.Command("go", "env", key).Output()
	if err != nil {
		t.Fatalf("go env %s: %v", key, err)
	}
	return strings.TrimSpace(string(out))
}

// mustRun runs a command that must succeed and returns its output.
func mustRun(t *testing.T, dir string, env []string, name string, args ...string) string {
	t.Helper()
	out, code := run(t, dir, env, name, args...)
	if code != 0 {
		t.Fatalf("%s %s (in %s): exit status %d\n%s", name, strings.Join(args, " "), dir, code, out)
	}
	return out
}

// gitEnv gives git a fixed identity and no user or system configuration.
var gitEnv = []string{
	"GIT_CONFIG_NOSYSTEM=1",
	"GIT_CONFIG_GLOBAL=" + os.DevNull,
	"GIT_AUTHOR_NAME=portlint test", "GIT_AUTHOR_EMAIL=test@portlint.invalid",
	"GIT_COMMITTER_NAME=portlint test", "GIT_COMMITTER_EMAIL=test@portlint.invalid",
}

// gitInit makes dir a git repository with every file staged and, if
// commit is set, committed.
func gitInit(t *testing.T, dir string, commit bool) {
	t.Helper()
	if _, err := os.Lstat(filepath.Join(dir, ".git")); err == nil {
		t.Fatalf("%s has a .git already: git would add and commit to that repository", dir)
	}
	mustRun(t, dir, gitEnv, "git", "init", "-q")
	mustRun(t, dir, gitEnv, "git", "add", "-A")
	if commit {
		mustRun(t, dir, gitEnv, "git", "commit", "-q", "--no-verify", "--no-gpg-sign", "-m", "snapshot")
	}
}

// copyCheckout copies the portlint checkout as it is on disk (uncommitted
// changes included, .git — a directory, or a worktree's file — and build
// outputs left out) into a new temporary directory.
func copyCheckout(t *testing.T) string {
	t.Helper()
	dst := t.TempDir()
	err := filepath.Walk(repoRoot, func(path string, info os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(repoRoot, path)
		switch {
		case info.IsDir() && info.Name() == ".git":
			return filepath.SkipDir
		case info.Name() == ".git":
			// A linked worktree's .git is a file naming the real
			// repository: copied, it would make gitInit commit there.
			return nil
		case info.IsDir():
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		case !info.Mode().IsRegular(), rel == "portlint", strings.HasSuffix(rel, ".test"):
			return nil
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, rel), data, info.Mode().Perm())
	})
	if err != nil {
		t.Fatal(err)
	}
	return dst
}

// lineOf returns the 1-based number of the only line of file containing
// substr.
func lineOf(t *testing.T, file, substr string) int {
	t.Helper()
	f, err := os.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	found := 0
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		if strings.Contains(sc.Text(), substr) {
			if found != 0 {
				t.Fatalf("%s: %q on lines %d and %d", file, substr, found, n)
			}
			found = n
		}
	}
	if found == 0 {
		t.Fatalf("%s: no line contains %q", file, substr)
	}
	return found
}

// finding is one expected diagnostic: a file (path relative to the module
// root, with forward slashes), the line, and text the message contains.
type finding struct {
	file string
	line int
	text string
}

// findingLine matches a diagnostic line as go vet, portlint and
// golangci-lint print it: path/file.go:line:col: message, the path
// relative or absolute.
var findingLine = regexp.MustCompile(`^(\S+\.go):(\d+):\d+: (.*)$`)

type reported struct {
	path string
	line int
	msg  string
}

// parseFindings returns the diagnostic lines of tool output.
func parseFindings(out string) []reported {
	var got []reported
	for l := range strings.SplitSeq(out, "\n") {
		if m := findingLine.FindStringSubmatch(strings.TrimSpace(l)); m != nil && !strings.HasPrefix(m[3], "\t") && !strings.Contains(m[3], "(related information)") {
			// (A message that starts with a tab, or golangci-lint's
			// "(related information)", is the related information of a
			// finding.)
			n, _ := strconv.Atoi(m[2])
			got = append(got, reported{filepath.ToSlash(m[1]), n, m[3]})
		}
	}
	return got
}

// checkFindings checks that out reports exactly the want findings: each
// once, at its file and line, with its text, and nothing else.
func checkFindings(t *testing.T, out string, want ...finding) {
	t.Helper()
	got := parseFindings(out)
	for _, w := range want {
		i := slices.IndexFunc(got, func(r reported) bool {
			return (r.path == w.file || strings.HasSuffix(r.path, "/"+w.file)) && r.line == w.line
		})
		if i < 0 {
			t.Errorf("missing finding at %s:%d (%q)", w.file, w.line, w.text)
			continue
		}
		if !strings.Contains(got[i].msg, w.text) {
			t.Errorf("finding at %s:%d is %q, want it to contain %q", w.file, w.line, got[i].msg, w.text)
		}
		got = slices.Delete(got, i, i+1)
	}
	for _, r := range got {
		t.Errorf("unexpected finding at %s:%d: %s", r.path, r.line, r.msg)
	}
	if t.Failed() {
		t.Logf("output:\n%s", out)
	}
}
