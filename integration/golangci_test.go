package integration

import (
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

var golangciOnce struct {
	sync.Once
	bin string
	out string
	err bool
}

// golangciLint builds a custom golangci-lint with the portlint plugin from
// this checkout with scripts/build-golangci-lint.sh, once per test binary.
// The script's work directory (under GOCACHE) persists, so only the first
// build on a machine is slow (minutes); later ones take seconds.
func golangciLint(t *testing.T) string {
	t.Helper()
	golangciOnce.Do(func() {
		dir, err := os.MkdirTemp("", "portlint-gcl-")
		if err != nil {
			golangciOnce.out, golangciOnce.err = err.Error(), true
			return
		}
		// Left behind on purpose: a few MB in the temp dir, reused by every
		// test of this run. TestMain is not ours to extend.
		golangciOnce.bin = filepath.Join(dir, "golangci-lint")
		script := filepath.Join(repoRoot, "scripts", "build-golangci-lint.sh")
		out, code := run(t, repoRoot, []string{"PORTLINT_CHECKOUT=" + repoRoot}, script, golangciOnce.bin)
		golangciOnce.out, golangciOnce.err = out, code != 0
	})
	if golangciOnce.err {
		t.Fatalf("building golangci-lint with the portlint plugin:\n%s", golangciOnce.out)
	}
	return golangciOnce.bin
}

// gclConfig is a .golangci.yml (v2) that enables only portlint, with the
// given lines (YAML, indented for the settings map) as its settings.
func gclConfig(settings ...string) string {
	var b strings.Builder
	b.WriteString(`version: "2"
linters:
  default: none
  enable:
    - portlint
  settings:
    custom:
      portlint:
        type: module
        description: servers on a hard-coded port or loopback host
`)
	if len(settings) > 0 {
		b.WriteString("        settings:\n")
		for _, s := range settings {
			b.WriteString("          " + s + "\n")
		}
	}
	return b.String()
}

// TestGolangciLint runs a custom golangci-lint v2 with the portlint module
// plugin on testdata/gclmod.
func TestGolangciLint(t *testing.T) {
	if testing.Short() && !inCI() {
		t.Skip("skipping in -short mode: the first build of the custom golangci-lint takes minutes")
	}
	bin := golangciLint(t)
	fixture := filepath.Join("testdata", "gclmod")
	mainGo := filepath.Join(fixture, "main.go")
	testGo := filepath.Join(fixture, "main_test.go")
	port8080 := finding{"main.go", lineOf(t, mainGo, `":8080"`), "hard-coded port 8080"}
	// The program's servers besides its primary (:8080, or the $PORT
	// reader) are secondaries: reported for their port, their hosts kept.
	port9000 := finding{"main.go", lineOf(t, mainGo, `"localhost:9000"`), "hard-coded port 9000: the platform routes only"}
	port6060 := finding{"main.go", lineOf(t, mainGo, `"localhost:6060"`), "hard-coded port 6060: the platform routes only"}
	port7070 := finding{"main_test.go", lineOf(t, testGo, `":7070"`), "hard-coded port 7070"}
	port9100 := finding{"main.go", lineOf(t, mainGo, `"127.0.0.1:9100"`), "hard-coded port 9100: the platform routes only"}

	// lint copies the fixture, writes config as its .golangci.yml (unless
	// empty), lets edit change the copy, and runs golangci-lint with args.
	lint := func(t *testing.T, config string, edit func(dir string), args ...string) (dir, out string, code int) {
		t.Helper()
		dir = copyDir(t, fixture)
		if config != "" {
			if err := os.WriteFile(filepath.Join(dir, ".golangci.yml"), []byte(config), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		if edit != nil {
			edit(dir)
		}
		// A fresh cache: golangci-lint's cache key does not cover the plugin.
		env := []string{"GOLANGCI_LINT_CACHE=" + t.TempDir()}
		out, code = run(t, dir, env, bin, append([]string{"run"}, args...)...)
		return dir, out, code
	}

	t.Run("findings", func(t *testing.T) {
		// The fixture's own .golangci.yml.
		_, out, code := lint(t, "", nil, "./...")
		if code != 1 {
			t.Errorf("exit status %d, want 1 (issues found)\n%s", code, out)
		}
		// 6060 carries //nolint:portlint; the $PORT listener and the
		// _test.go file are not reported.
		checkFindings(t, out, port8080, port9000)
		if !strings.Contains(out, "(portlint)") {
			t.Errorf("findings not attributed to the portlint linter:\n%s", out)
		}
	})

	t.Run("nolint", func(t *testing.T) {
		// Without the directive the loopback debug server is reported: the
		// directive, not the analyzer, silenced it above.
		_, out, _ := lint(t, "", func(dir string) {
			path := filepath.Join(dir, "main.go")
			src, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			src = []byte(strings.Replace(string(src), "//nolint:portlint", "//", 1))
			if err := os.WriteFile(path, src, 0o644); err != nil {
				t.Fatal(err)
			}
		}, "./...")
		checkFindings(t, out, port8080, port9000, port6060)
	})

	t.Run("portlint:ignore", func(t *testing.T) {
		// portlint's own directive works under golangci-lint too: without
		// it the metrics server is reported, and a reason-less directive
		// is reported itself.
		_, out, _ := lint(t, "", func(dir string) {
			path := filepath.Join(dir, "main.go")
			src, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			src = []byte(strings.Replace(string(src), "//portlint:ignore scraped by the sidecar over loopback", "//portlint:ignore", 1))
			if err := os.WriteFile(path, src, 0o644); err != nil {
				t.Fatal(err)
			}
		}, "./...")
		checkFindings(t, out, port8080, port9000, port9100,
			finding{"main.go", port9100.line - 1, "portlint:ignore needs a reason"})
	})

	t.Run("fix", func(t *testing.T) {
		dir, out, code := lint(t, gclConfig("env: APP_PORT"), nil, "--fix", "./...")
		if code != 0 {
			t.Logf("golangci-lint --fix exited %d:\n%s", code, out)
		}
		before, err := os.ReadFile(mainGo)
		if err != nil {
			t.Fatal(err)
		}
		after, err := os.ReadFile(filepath.Join(dir, "main.go"))
		if err != nil {
			t.Fatal(err)
		}
		beforeLines, afterLines := strings.Split(string(before), "\n"), strings.Split(string(after), "\n")
		// The primary reads the env setting; the secondary a variable of
		// its own, keeping its loopback host.
		for _, f := range []struct {
			finding
			want string
		}{{port8080, `os.Getenv("APP_PORT")`}, {port9000, `net.JoinHostPort("localhost", cmp.Or(os.Getenv("PORT_9000"), "9000"))`}} {
			// The fix may add an import above, shifting lines down.
			shift := len(afterLines) - len(beforeLines)
			i := f.line - 1 + shift
			if i >= len(afterLines) || afterLines[i] == beforeLines[f.line-1] {
				t.Errorf("--fix left line %d unchanged: %q", f.line, beforeLines[f.line-1])
				continue
			}
			if !strings.Contains(afterLines[i], f.want) {
				t.Errorf("fixed line %d = %q, want it to contain %s", f.line, afterLines[i], f.want)
			}
		}
		if !strings.Contains(string(after), `"localhost:6060"`) {
			t.Errorf("--fix changed the //nolint:portlint line")
		}
		if out, code := run(t, dir, nil, "go", "build", "./..."); code != 0 {
			t.Fatalf("the fixed module does not build:\n%s\nmain.go:\n%s", out, after)
		}
		env := []string{"GOLANGCI_LINT_CACHE=" + t.TempDir()}
		out, code = run(t, dir, env, bin, "run", "./...")
		if code != 0 {
			t.Errorf("golangci-lint after --fix: exit status %d, want 0\n%s", code, out)
		}
		checkFindings(t, out)
	})

	t.Run("allow setting", func(t *testing.T) {
		_, out, code := lint(t, gclConfig(`allow: ["localhost:9000"]`), nil, "./...")
		if code != 1 {
			t.Errorf("exit status %d, want 1\n%s", code, out)
		}
		checkFindings(t, out, port8080)
	})

	t.Run("include-tests setting", func(t *testing.T) {
		_, out, code := lint(t, gclConfig("include-tests: true"), nil, "./...")
		if code != 1 {
			t.Errorf("exit status %d, want 1\n%s", code, out)
		}
		checkFindings(t, out, port8080, port9000, port7070)
	})

	for _, tc := range []struct {
		name, setting string
		want          []string // in the error message
	}{
		{"misspelt setting", `hots: "::"`, []string{`unknown key "hots"`, "env, host, allow, include-tests"}},
		{"invalid host", `host: 127.0.0.1`, []string{`host: "127.0.0.1" is not an all-interfaces address`}},
		{"wrong type", `allow: localhost:6060`, []string{"allow: want a list"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, out, code := lint(t, gclConfig(tc.setting), nil, "./...")
			if code == 0 || code == 1 {
				t.Errorf("exit status %d, want a configuration error (not 0 or 1)", code)
			}
			for _, w := range tc.want {
				if !strings.Contains(out, w) {
					t.Errorf("error output does not contain %q", w)
				}
			}
			if len(parseFindings(out)) != 0 {
				t.Errorf("golangci-lint reported findings despite the bad setting")
			}
			if t.Failed() {
				t.Logf("output:\n%s", out)
			}
		})
	}
}
