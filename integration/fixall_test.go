package integration

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// TestFixAllFixtures is fix safety at scale: it applies portlint -fix to
// a copy of every fixture module under testdata/ and to every analyzer
// testdata package (../testdata/src, as a GOPATH tree), then checks that
// the code still builds and vets as before, that every finding that had a
// fix is gone, and that a second -fix changes nothing.
//
// testdata/frameworks is left out: building the real frameworks cold takes
// minutes, and TestFrameworksFix applies -fix to it and builds it already.
func TestFixAllFixtures(t *testing.T) {
	entries, err := os.ReadDir("testdata")
	if err != nil {
		t.Fatal(err)
	}
	modules := 0
	for _, e := range entries {
		if !e.IsDir() || e.Name() == "frameworks" {
			continue
		}
		if _, err := os.Stat(filepath.Join("testdata", e.Name(), "go.mod")); err != nil {
			continue
		}
		modules++
		t.Run(e.Name(), func(t *testing.T) {
			t.Parallel()
			dir := copyDir(t, filepath.Join("testdata", e.Name()))
			fixAndCheck(t, dir, []string{"GOWORK=off", "GOFLAGS=-mod=mod"})
		})
	}
	if modules < 5 {
		t.Errorf("only %d fixture modules found", modules)
	}
	t.Run("analyzer testdata", func(t *testing.T) {
		t.Parallel()
		gopath := t.TempDir()
		src := copyDir(t, filepath.Join(repoRoot, "testdata", "src"))
		if err := os.Rename(src, filepath.Join(gopath, "src")); err != nil {
			t.Fatal(err)
		}
		// A package that does not type-check on purpose cannot be fixed.
		if err := os.RemoveAll(filepath.Join(gopath, "src", "robust", "typeerrors")); err != nil {
			t.Fatal(err)
		}
		fixAndCheck(t, filepath.Join(gopath, "src"), []string{"GOPATH=" + gopath, "GO111MODULE=off", "GOFLAGS=", "GOWORK=off"})
	})
}

// jsonFinding is one diagnostic of portlint -json.
type jsonFinding struct {
	Posn           string            `json:"posn"`
	Message        string            `json:"message"`
	SuggestedFixes []json.RawMessage `json:"suggested_fixes"`
}

// findingsJSON runs portlint -json ./... in dir and returns its findings
// as "file: message" (without line numbers, which fixes shift), with
// whether each had a fix.
func findingsJSON(t *testing.T, dir string, env []string) map[string]bool {
	t.Helper()
	out, code := run(t, dir, env, portlintBin, "-json", "./...")
	if code != 0 {
		t.Fatalf("portlint -json ./... exited %d:\n%s", code, out)
	}
	// Load errors and warnings go to stderr, which run merges: decode
	// from the first '{'.
	var tree map[string]map[string]json.RawMessage
	if err := json.Unmarshal([]byte(out[strings.IndexByte(out, '{'):]), &tree); err != nil {
		t.Fatalf("decoding portlint -json: %v\n%s", err, out)
	}
	found := make(map[string]bool)
	for pkg, byAnalyzer := range tree {
		for _, raw := range byAnalyzer {
			var list []jsonFinding
			if err := json.Unmarshal(raw, &list); err != nil {
				t.Fatalf("%s: %s", pkg, raw) // an {"error": …} object: analysis failed
			}
			for _, f := range list {
				file, _, _ := strings.Cut(f.Posn, ".go:")
				// Without the lines a message cites (the primary server at
				// main.go:12): a fix that adds imports moves them.
				msg := citedLine.ReplaceAllString(f.Message, ".go)")
				key := filepath.ToSlash(strings.TrimPrefix(file, dir)) + ".go: " + msg
				found[key] = found[key] || len(f.SuggestedFixes) > 0
			}
		}
	}
	return found
}

// citedLine matches the line of a position a message cites: ".go:12)".
var citedLine = regexp.MustCompile(`\.go:\d+\)`)

func fixAndCheck(t *testing.T, dir string, env []string) {
	before := findingsJSON(t, dir, env)
	vetBefore := vetMessages(t, dir, env)
	srcBefore := readTree(t, dir)

	out, code := run(t, dir, env, portlintBin, "-fix", "./...")
	if code != 0 && code != 3 {
		t.Fatalf("portlint -fix ./... exited %d:\n%s", code, out)
	}
	fixed := readTree(t, dir)
	fixable := 0
	for _, hasFix := range before {
		if hasFix {
			fixable++
		}
	}
	if fixable > 0 && equalTrees(srcBefore, fixed) {
		t.Fatalf("%d findings have fixes, but -fix changed nothing:\n%s", fixable, out)
	}
	if out, code := run(t, dir, env, "go", "build", "./..."); code != 0 {
		t.Fatalf("go build ./... after -fix:\n%s", out)
	}
	for _, m := range vetMessages(t, dir, env) {
		if !slices.Contains(vetBefore, m) {
			t.Errorf("go vet after -fix: %s", m)
		}
	}
	for key := range findingsJSON(t, dir, env) {
		hadFix, ok := before[key]
		switch {
		case !ok:
			t.Errorf("new finding after -fix: %s", key)
		case hadFix && !isCgoFile(t, dir, key):
			// The driver never edits cgo files (they are generated code
			// to the analysis), so their findings stay.
			t.Errorf("finding with a fix is still reported after -fix: %s", key)
		}
	}
	run(t, dir, env, portlintBin, "-fix", "./...")
	if again := readTree(t, dir); !equalTrees(fixed, again) {
		t.Errorf("a second -fix changed the sources")
	}
	t.Logf("%d findings, %d with a fix", len(before), fixable)
}

// vetMessages returns go vet's complaints without positions.
func vetMessages(t *testing.T, dir string, env []string) []string {
	t.Helper()
	out, _ := run(t, dir, env, "go", "vet", "./...")
	var msgs []string
	for l := range strings.SplitSeq(out, "\n") {
		if m := findingLine.FindStringSubmatch(strings.TrimSpace(l)); m != nil {
			msgs = append(msgs, m[1]+": "+m[3])
		}
	}
	return msgs
}

// isCgoFile reports whether the file of a finding key imports "C".
func isCgoFile(t *testing.T, dir, key string) bool {
	file, _, _ := strings.Cut(key, ".go: ")
	data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(file)+".go"))
	if err != nil {
		t.Fatal(err)
	}
	return strings.Contains(string(data), "import \"C\"")
}
