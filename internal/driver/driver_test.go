package driver

import (
	"bytes"
	"go/ast"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/portlint/portlint/analyzer"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"
)

// writeModule writes files (path → content) under a new directory and
// makes it the working directory.
func writeModule(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	t.Chdir(dir)
	return dir
}

var serviceModule = map[string]string{
	"go.mod": "module example.com/svc\n\ngo 1.22\n",
	"internal/config/config.go": `package config

func Addr() string { return ":8080" }
`,
	"cmd/server/main.go": `package main

import (
	"net/http"

	"example.com/svc/internal/config"
)

func main() { http.ListenAndServe(config.Addr(), nil) }
`,
}

// TestFactsFromUnnamedPackage runs the driver on part of a module: the
// helper's package is not named, yet its fact must reach the server
// (load adds it and loads again), and it must not be reported on itself.
func TestFactsFromUnnamedPackage(t *testing.T) {
	writeModule(t, serviceModule)
	for _, pattern := range []string{"./cmd/server", "./...", "cmd/server/main.go"} {
		var stdout, stderr bytes.Buffer
		code := Run(analyzer.Analyzer, []string{pattern}, &stdout, &stderr)
		if code != 3 || !strings.Contains(stderr.String(), "main.go:9:35: http.ListenAndServe listens on hard-coded port 8080") {
			t.Errorf("portlint %s: exit %d, want 3 and the finding in cmd/server; stderr:\n%s", pattern, code, &stderr)
		}
		if n := strings.Count(stderr.String(), "listens on"); n != 1 {
			t.Errorf("portlint %s: %d findings, want 1:\n%s", pattern, n, &stderr)
		}
	}
}

// TestFixAndDiff checks -diff prints what -fix then writes, and that the
// fixed module is clean.
func TestFixAndDiff(t *testing.T) {
	dir := writeModule(t, serviceModule)
	var diff, stderr bytes.Buffer
	if code := Run(analyzer.Analyzer, []string{"-diff", "./..."}, &diff, &stderr); code != 0 {
		t.Fatalf("-diff: exit %d:\n%s", code, &stderr)
	}
	// The fix replaces the call (the helper may have other callers).
	mainFile := filepath.Join(dir, "cmd/server/main.go")
	before, _ := os.ReadFile(mainFile)
	if got := string(before); got != serviceModule["cmd/server/main.go"] {
		t.Fatalf("-diff wrote the file:\n%s", got)
	}
	if code := Run(analyzer.Analyzer, []string{"-fix", "./..."}, &bytes.Buffer{}, &stderr); code != 0 {
		t.Fatalf("-fix: exit %d:\n%s", code, &stderr)
	}
	after, _ := os.ReadFile(mainFile)
	got, err := applyUnified(string(before), diff.String())
	if err != nil || got != string(after) {
		t.Errorf("-diff does not give what -fix wrote (%v):\ndiff:\n%s\nfixed:\n%s", err, &diff, after)
	}
	if !strings.Contains(string(after), `os.Getenv("PORT")`) {
		t.Errorf("fixed server does not read $PORT:\n%s", after)
	}
	stderr.Reset()
	if code := Run(analyzer.Analyzer, []string{"./..."}, &bytes.Buffer{}, &stderr); code != 0 {
		t.Errorf("after -fix: exit %d, want 0:\n%s", code, &stderr)
	}
}

// TestFlags checks that a bad flag is one line of error, and that the
// flags singlechecker accepts for go vet's sake are accepted.
func TestFlags(t *testing.T) {
	writeModule(t, serviceModule)
	var stderr bytes.Buffer
	if code := Run(analyzer.Analyzer, []string{"-bogus", "./..."}, &bytes.Buffer{}, &stderr); code != 2 || strings.Count(stderr.String(), "\n") != 1 {
		t.Errorf("-bogus: exit %d, want 2 and one line:\n%s", code, &stderr)
	}
	stderr.Reset()
	if code := Run(analyzer.Analyzer, []string{"-v", "-all", "-source", "-debug=fpstv", "./..."}, &bytes.Buffer{}, &stderr); code != 3 {
		t.Errorf("compatibility flags: exit %d, want 3 (a finding):\n%s", code, &stderr)
	}
	stderr.Reset()
	if code := Run(analyzer.Analyzer, []string{"-help"}, &bytes.Buffer{}, &stderr); code != 0 || !strings.Contains(stderr.String(), "-include-tests") {
		t.Errorf("-help: exit %d, want 0 and the flags:\n%s", code, &stderr)
	}
}

func TestVetProtocol(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want bool
	}{
		{[]string{"-V=full"}, true},
		{[]string{"-flags"}, true},
		{[]string{"-env=APP_PORT", "/tmp/go-build1/b001/vet.cfg"}, true},
		{[]string{"./..."}, false},
		{[]string{"-fix", "-json", "./cmd/x"}, false},
		{nil, false},
	} {
		if got := VetProtocol(tc.args); got != tc.want {
			t.Errorf("VetProtocol(%q) = %v, want %v", tc.args, got, tc.want)
		}
	}
}

// conflicting reports each string literal "x" twice, with fixes that
// replace it by "a" and by "bb": the second always overlaps the first.
var conflicting = &analysis.Analyzer{
	Name: "conflicting",
	Doc:  "reports each \"x\" twice, with overlapping fixes",
	Run: func(pass *analysis.Pass) (any, error) {
		for _, f := range pass.Files {
			ast.Inspect(f, func(n ast.Node) bool {
				if lit, ok := n.(*ast.BasicLit); ok && lit.Value == `"x"` {
					for _, text := range []string{`"a"`, `"bb"`} {
						edit := analysis.TextEdit{Pos: lit.Pos(), End: lit.End(), NewText: []byte(text)}
						pass.Report(analysis.Diagnostic{Pos: lit.Pos(), Message: "x",
							SuggestedFixes: []analysis.SuggestedFix{{Message: "to " + text, TextEdits: []analysis.TextEdit{edit}}}})
					}
				}
				return true
			})
		}
		return nil, nil
	},
}

// TestFixConflictsAndGenerated checks that -fix applies the first of two
// overlapping fixes, reports the other (exit 1), and leaves a generated
// file alone.
func TestFixConflictsAndGenerated(t *testing.T) {
	dir := writeModule(t, map[string]string{
		"go.mod":  "module example.com/c\n\ngo 1.22\n",
		"main.go": "package main\n\nvar v = \"x\"\n\nfunc main() {}\n",
		"gen.go":  "// Code generated by hand. DO NOT EDIT.\n\npackage main\n\nvar w = \"x\"\n",
	})
	var stderr bytes.Buffer
	code := Run(conflicting, []string{"-fix", "./..."}, &bytes.Buffer{}, &stderr)
	if code != 1 || !strings.Contains(stderr.String(), "applied 1 of 4 fixes; 1 file updated") {
		t.Errorf("-fix: exit %d, want 1 and one of four fixes applied:\n%s", code, &stderr)
	}
	if got, _ := os.ReadFile(filepath.Join(dir, "main.go")); !strings.Contains(string(got), `var v = "a"`) {
		t.Errorf("main.go after -fix:\n%s", got)
	}
	if got, _ := os.ReadFile(filepath.Join(dir, "gen.go")); !strings.Contains(string(got), `var w = "x"`) {
		t.Errorf("generated gen.go was edited:\n%s", got)
	}
}

// TestTags checks that -tags selects the files go build would.
func TestTags(t *testing.T) {
	writeModule(t, map[string]string{
		"go.mod":  "module example.com/tags\n\ngo 1.22\n",
		"main.go": "package main\n\nfunc main() { serve() }\n",
		"dev.go":  "//go:build dev\n\npackage main\n\nimport \"net/http\"\n\nfunc serve() { http.ListenAndServe(\":8080\", nil) }\n",
		"prod.go": "//go:build !dev\n\npackage main\n\nfunc serve() {}\n",
	})
	for _, tc := range []struct {
		args []string
		want int
	}{
		{[]string{"./..."}, 0},
		{[]string{"-tags=dev", "./..."}, 3},
	} {
		var stderr bytes.Buffer
		if code := Run(analyzer.Analyzer, tc.args, &bytes.Buffer{}, &stderr); code != tc.want {
			t.Errorf("portlint %v: exit %d, want %d:\n%s", tc.args, code, tc.want, &stderr)
		}
	}
}

// TestVetxOnly checks that a vet config asking for facts only is told
// apart from one asking for diagnostics.
func TestVetxOnly(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct {
		cfg  string
		want bool
	}{
		{`{"ID": "p", "VetxOnly": true}`, true},
		{`{"ID": "p", "VetxOnly": false}`, false},
		{`{"ID": "p"}`, false},
		{`not json`, false},
	} {
		name := filepath.Join(dir, "vet.cfg")
		if err := os.WriteFile(name, []byte(tc.cfg), 0o644); err != nil {
			t.Fatal(err)
		}
		if got := vetxOnly([]string{"-json", name}); got != tc.want {
			t.Errorf("vetxOnly(%s) = %v, want %v", tc.cfg, got, tc.want)
		}
	}
	if vetxOnly([]string{"-V=full"}) || vetxOnly(nil) {
		t.Error("vetxOnly without a config")
	}
}

// TestOwnPackages checks which packages the command runs the analyzer
// on when it checks no test file: not those loaded for a package's tests
// beside it.
func TestOwnPackages(t *testing.T) {
	ids := []string{"p", "p [p.test]", "p_test [p.test]", "p.test", "q [p.test]", "r_test [r.test]", "r.test", "s.test"}
	var pkgs []*packages.Package
	for _, id := range ids {
		name := "p"
		if strings.HasSuffix(id, ".test") {
			name = "main"
		}
		pkgs = append(pkgs, &packages.Package{ID: id, Name: name})
	}
	var got []string
	for _, p := range ownPackages(pkgs) {
		got = append(got, p.ID)
	}
	// r's tests stay: r itself is not loaded (its tests alone were
	// named); s.test is a package of that name, no test main of s.
	want := []string{"p", "r_test [r.test]", "r.test", "s.test"}
	if !slices.Equal(got, want) {
		t.Errorf("ownPackages(%q) = %q, want %q", ids, got, want)
	}
}

// TestTestVariantsNotRun checks that a package's test variant, whose
// findings repeat its package's when no test file is checked, is not
// analyzed: -format=json names it only with -include-tests.
func TestTestVariantsNotRun(t *testing.T) {
	writeModule(t, map[string]string{
		"go.mod":       "module example.com/svc\n\ngo 1.22\n",
		"main.go":      "package main\n\nimport \"net/http\"\n\nfunc main() { http.ListenAndServe(\":8080\", nil) }\n",
		"main_test.go": "package main\n\nimport \"testing\"\n\nfunc TestMain(m *testing.M) {}\n",
	})
	for _, checksTests := range []bool{false, true} {
		var stdout, stderr bytes.Buffer
		RunWith(analyzer.Analyzer, Options{ChecksTests: func() bool { return checksTests }}, []string{"-format=json", "./..."}, &stdout, &stderr)
		variant := strings.Contains(stdout.String(), `"example.com/svc [example.com/svc.test]"`)
		if variant != checksTests || !strings.Contains(stdout.String(), `"example.com/svc": {`) {
			t.Errorf("checks tests %v: the test variant's findings printed: %v; stdout:\n%s", checksTests, variant, &stdout)
		}
	}
}
