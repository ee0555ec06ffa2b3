package integration

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// localHookConfig is the repo: local variant of the hook, for teams that
// install a pinned portlint binary themselves (docs/integrations.md).
const localHookConfig = `repos:
  - repo: local
    hooks:
      - id: portlint
        name: portlint
        language: system
        entry: portlint ./...
        types: [go]
        pass_filenames: false
        require_serial: true
`

// TestPreCommit runs Debian's pre-commit on a fixture git repository
// (testdata/precommitmod): the hook from .pre-commit-hooks.yaml through
// pre-commit try-repo, and the repo: local variant through pre-commit run.
func TestPreCommit(t *testing.T) {
	requireTool(t, "git", "apt-get install -y git")
	requireTool(t, "pre-commit", "apt-get install -y pre-commit")

	// try-repo clones the hook repository at a commit: hand it a git copy
	// of this checkout as it is on disk, uncommitted changes included
	// (try-repo on a dirty repository snapshots tracked changes only, not
	// new files).
	hookRepo := copyCheckout(t)
	gitInit(t, hookRepo, true)

	fixture := copyDir(t, filepath.Join("testdata", "precommitmod"))
	if err := os.WriteFile(filepath.Join(fixture, ".pre-commit-config.yaml"), []byte(localHookConfig), 0o644); err != nil {
		t.Fatal(err)
	}
	gitInit(t, fixture, false) // pre-commit lints staged files; no commit needed
	mainGo := filepath.Join(fixture, "main.go")
	bad := finding{"main.go", lineOf(t, mainGo, `":8080"`), "hard-coded port 8080"}

	env := []string{
		"CI=true",
		// One store for every run here, not the user's ~/.cache/pre-commit.
		"PRE_COMMIT_HOME=" + t.TempDir(),
		// pre-commit installs a golang hook with GOPATH set to a fresh
		// environment directory; pinning the module cache lets the install
		// reuse this machine's modules instead of downloading them again.
		"GOMODCACHE=" + goEnv(t, "GOMODCACHE"),
		// The local variant runs the portlint found on PATH.
		"PATH=" + filepath.Dir(portlintBin) + string(os.PathListSeparator) + os.Getenv("PATH"),
	}
	tryRepo := func(t *testing.T) (string, int) {
		t.Helper()
		return run(t, fixture, append(env[:len(env):len(env)], gitEnv...),
			"pre-commit", "try-repo", hookRepo, "portlint", "--all-files", "--color=never")
	}
	runLocal := func(t *testing.T) (string, int) {
		t.Helper()
		return run(t, fixture, append(env[:len(env):len(env)], gitEnv...),
			"pre-commit", "run", "portlint", "--all-files", "--color=never")
	}

	t.Run("try-repo/bad", func(t *testing.T) {
		out, code := tryRepo(t)
		if code != 1 {
			t.Errorf("exit status %d, want 1 (hook failed; 3 means the install failed)\n%s", code, out)
		}
		if !strings.Contains(out, "Failed") {
			t.Errorf("hook not reported as failed:\n%s", out)
		}
		checkFindings(t, out, bad)
	})
	t.Run("local/bad", func(t *testing.T) {
		out, code := runLocal(t)
		if code != 1 {
			t.Errorf("exit status %d, want 1\n%s", code, out)
		}
		checkFindings(t, out, bad)
	})

	// Fix the listener the way portlint suggests and stage it.
	src, err := os.ReadFile(mainGo)
	if err != nil {
		t.Fatal(err)
	}
	fixed := strings.Replace(string(src), `":8080"`, `"0.0.0.0:"+os.Getenv("PORT")`, 1)
	if err := os.WriteFile(mainGo, []byte(fixed), 0o644); err != nil {
		t.Fatal(err)
	}
	mustRun(t, fixture, gitEnv, "git", "add", "-A")
	mustRun(t, fixture, nil, "go", "build", "./...")

	t.Run("try-repo/fixed", func(t *testing.T) {
		out, code := tryRepo(t)
		if code != 0 {
			t.Errorf("exit status %d, want 0\n%s", code, out)
		}
		if !strings.Contains(out, "Passed") {
			t.Errorf("hook not reported as passed:\n%s", out)
		}
		checkFindings(t, out)
	})
	t.Run("local/fixed", func(t *testing.T) {
		out, code := runLocal(t)
		if code != 0 {
			t.Errorf("exit status %d, want 0\n%s", code, out)
		}
		checkFindings(t, out)
	})
}
