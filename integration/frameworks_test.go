package integration

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// wantMarker ends every line of the frameworks fixture that portlint must
// report.
const wantMarker = "// portlint:want"

// TestFrameworks runs the portlint binary on testdata/frameworks, a module
// that requires the real frameworks (gin, echo v4/v5, fiber v2/v3,
// fasthttp, iris, beego, hertz, quic-go, gnet v1/v2, evio, nbio) at the
// versions pinned in its go.mod, and checks that it reports exactly the
// lines marked "// portlint:want": no more, no fewer. The analyzer tests run the same
// rules against stubs; this guards the stubs against drifting from the
// real APIs. The fixture's modules come from the module proxy (go.sum is
// committed), so the first run downloads them.
func TestFrameworks(t *testing.T) {
	if testing.Short() {
		t.Skip("downloads and type-checks the real frameworks")
	}
	dir, err := filepath.Abs(filepath.Join("testdata", "frameworks"))
	if err != nil {
		t.Fatal(err)
	}

	want := wantLines(t, dir)
	if len(want) == 0 {
		t.Fatalf("no %q lines in %s", wantMarker, dir)
	}

	// portlint with -json always exits 0 unless the packages fail to load
	// or analysis fails; the diagnostics go to stdout, errors to stderr.
	cmd := exec.Command(portlintBin, "-json", "./...")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOWORK=off")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("portlint -json ./... in %s: %v\nstderr:\n%s\nstdout:\n%s", dir, err, stderr.String(), stdout.String())
	}

	got, msgs := reportedLines(t, dir, stdout.Bytes())

	var missing, unexpected []string
	for _, k := range sortedKeys(want) {
		if !got[k] {
			missing = append(missing, "  - "+k)
		}
	}
	for _, k := range sortedKeys(got) {
		if !want[k] {
			unexpected = append(unexpected, fmt.Sprintf("  + %s: %s", k, strings.Join(msgs[k], "; ")))
		}
	}
	if len(missing) > 0 || len(unexpected) > 0 {
		t.Errorf("portlint reports differ from the %q lines (- expected, not reported; + reported, not expected):\n%s",
			wantMarker, strings.Join(append(missing, unexpected...), "\n"))
	}
	for _, k := range sortedKeys(got) {
		for _, m := range msgs[k] {
			if !strings.Contains(m, " listens on ") {
				t.Errorf("%s: message %q does not say what listens where", k, m)
			}
		}
	}
	if !t.Failed() {
		t.Logf("%d sites reported, as annotated", len(got))
	}
}

// TestFrameworksFix applies portlint's fixes to a copy of the frameworks
// fixture and checks that the result still builds against the real modules
// and that portlint is then silent.
func TestFrameworksFix(t *testing.T) {
	if testing.Short() {
		t.Skip("downloads and builds the real frameworks")
	}
	dir := copyDir(t, filepath.Join("testdata", "frameworks"))
	env := []string{"GOWORK=off"}
	if out, code := run(t, dir, env, portlintBin, "-fix", "./..."); code != 0 {
		t.Fatalf("portlint -fix ./... exited %d:\n%s", code, out)
	}
	if out, code := run(t, dir, env, "go", "build", "./..."); code != 0 {
		t.Fatalf("the fixed fixture does not build:\n%s", out)
	}
	if out, code := run(t, dir, env, portlintBin, "./..."); code != 0 || strings.TrimSpace(out) != "" {
		t.Errorf("portlint still reports after -fix (exit %d):\n%s", code, out)
	}
}

// wantLines returns "file:line" (file relative to dir, with slashes) for
// every line of the .go files under dir that ends in wantMarker.
func wantLines(t *testing.T, dir string) map[string]bool {
	t.Helper()
	want := make(map[string]bool)
	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") {
			return err
		}
		f, err := os.Open(path)
		if err != nil {
			return err
		}
		defer f.Close()
		rel, _ := filepath.Rel(dir, path)
		sc := bufio.NewScanner(f)
		for line := 1; sc.Scan(); line++ {
			if strings.HasSuffix(strings.TrimSpace(sc.Text()), wantMarker) {
				want[filepath.ToSlash(rel)+":"+strconv.Itoa(line)] = true
			}
		}
		return sc.Err()
	})
	if err != nil {
		t.Fatal(err)
	}
	return want
}

// reportedLines parses the singlechecker -json output (package path ->
// analyzer name -> a list of diagnostics, or {"error": ...}) and returns
// the "file:line" of each portlint diagnostic, with their messages. A
// package whose analysis failed fails the test.
func reportedLines(t *testing.T, dir string, out []byte) (map[string]bool, map[string][]string) {
	t.Helper()
	var tree map[string]map[string]json.RawMessage
	if err := json.Unmarshal(out, &tree); err != nil {
		t.Fatalf("parsing portlint -json output: %v\n%s", err, out)
	}
	type diagnostic struct {
		Posn    string `json:"posn"`
		Message string `json:"message"`
	}
	got := make(map[string]bool)
	msgs := make(map[string][]string)
	for pkg, byAnalyzer := range tree {
		for name, raw := range byAnalyzer {
			var failed struct {
				Err string `json:"error"`
			}
			if json.Unmarshal(raw, &failed) == nil && failed.Err != "" {
				t.Errorf("%s: analyzer %s failed: %s", pkg, name, failed.Err)
				continue
			}
			if name != "portlint" {
				continue
			}
			var diags []diagnostic
			if err := json.Unmarshal(raw, &diags); err != nil {
				t.Fatalf("%s: parsing %s diagnostics: %v\n%s", pkg, name, err, raw)
			}
			for _, d := range diags {
				k := fileLine(dir, d.Posn)
				got[k] = true
				msgs[k] = append(msgs[k], d.Message)
			}
		}
	}
	return got, msgs
}

// fileLine turns a "file:line:col" position into "file:line", with the
// file relative to dir when it lies inside it.
func fileLine(dir, posn string) string {
	rest, _, ok := cutLast(posn) // drop ":col"
	if !ok {
		return posn
	}
	file, line, ok := cutLast(rest)
	if !ok {
		return posn
	}
	if rel, err := filepath.Rel(dir, file); err == nil && !strings.HasPrefix(rel, "..") {
		file = filepath.ToSlash(rel)
	}
	return file + ":" + line
}

// cutLast splits s at its last colon when a number follows it.
func cutLast(s string) (before, num string, ok bool) {
	i := strings.LastIndexByte(s, ':')
	if i < 0 {
		return s, "", false
	}
	if _, err := strconv.Atoi(s[i+1:]); err != nil {
		return s, "", false
	}
	return s[:i], s[i+1:], true
}

func sortedKeys(m map[string]bool) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
