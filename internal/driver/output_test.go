package driver

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"github.com/portlint/portlint/analyzer"
)

func TestRelativizer(t *testing.T) {
	dir := filepath.FromSlash("/home/me/app")
	r := relativizer{dir}
	for _, tc := range []struct{ in, want string }{
		{"/home/me/app/main.go", "main.go"},
		{"/home/me/app/cmd/server/main.go", "cmd/server/main.go"},
		{"/home/me/application/main.go", "/home/me/application/main.go"}, // a sibling sharing the prefix
		{"/home/me/other/main.go", "/home/me/other/main.go"},             // not under dir: no ../
		{"/usr/local/go/src/net/http/server.go", "/usr/local/go/src/net/http/server.go"},
		{"main.go", "main.go"},
	} {
		if got := r.name(filepath.FromSlash(tc.in)); got != filepath.FromSlash(tc.want) {
			t.Errorf("name(%s) = %s, want %s", tc.in, got, tc.want)
		}
	}
	for _, tc := range []struct{ in, want string }{
		{"/home/me/app/a/b.go:6:31", "a/b.go:6:31"},
		{"/home/me/app/a/b.go:6", "a/b.go:6"},
		{"/home/me/app/a/b.go", "a/b.go"},
		{"/elsewhere/b.go:1:2", "/elsewhere/b.go:1:2"},
		{"-", "-"},
		{"", ""},
	} {
		if got := r.pos(filepath.FromSlash(tc.in)); got != filepath.FromSlash(tc.want) {
			t.Errorf("pos(%s) = %s, want %s", tc.in, got, tc.want)
		}
	}
	if got := (relativizer{}).name("/home/me/app/main.go"); got != "/home/me/app/main.go" {
		t.Errorf("without a directory, name = %s", got)
	}
}

// TestRelativePaths checks that text output, -c and -diff name the files
// under the working directory relative to it, those elsewhere by absolute
// path, and that load errors do too.
func TestRelativePaths(t *testing.T) {
	dir := writeModule(t, serviceModule)
	var stderr bytes.Buffer
	Run(analyzer.Analyzer, []string{"./..."}, &bytes.Buffer{}, &stderr)
	if want := "cmd/server/main.go:9:35: http.ListenAndServe listens on hard-coded port 8080: read the port from $PORT\n" +
		"internal/config/config.go:3:6: \tport 8080 is written here\n"; stderr.String() != want {
		t.Errorf("from the module root:\n%s\nwant:\n%s", &stderr, want)
	}

	t.Chdir(filepath.Join(dir, "cmd"))
	stderr.Reset()
	Run(analyzer.Analyzer, []string{"-c=0", "./..."}, &bytes.Buffer{}, &stderr)
	if want := "server/main.go:9:35: http.ListenAndServe listens on hard-coded port 8080: read the port from $PORT\n" +
		"9\tfunc main() { http.ListenAndServe(config.Addr(), nil) }\n" +
		filepath.Join(dir, "internal/config/config.go") + ":3:6: \tport 8080 is written here\n" +
		"3\tfunc Addr() string { return \":8080\" }\n"; stderr.String() != want {
		t.Errorf("-c=0 from cmd/:\n%s\nwant:\n%s", &stderr, want)
	}
	var diff bytes.Buffer
	Run(analyzer.Analyzer, []string{"-diff", "./..."}, &diff, &stderr)
	if !strings.HasPrefix(diff.String(), "--- server/main.go (old)\n+++ server/main.go (new)\n") {
		t.Errorf("-diff from cmd/:\n%s", &diff)
	}

	// A file outside the working directory keeps its absolute path.
	t.Chdir(filepath.Join(dir, "internal"))
	stderr.Reset()
	Run(analyzer.Analyzer, []string{"../cmd/server"}, &bytes.Buffer{}, &stderr)
	if want := filepath.Join(dir, "cmd", "server", "main.go") + ":9:35: "; !strings.HasPrefix(stderr.String(), want) {
		t.Errorf("from internal/:\n%s\nwant it to start with %s", &stderr, want)
	}

	// The type checker's errors (and go list's, relative already).
	broken := writeModule(t, map[string]string{
		"go.mod":     "module example.com/broken\n\ngo 1.22\n",
		"bad/bad.go": "package bad\n\nvar _ = undefined\n",
	})
	stderr.Reset()
	if code := Run(analyzer.Analyzer, []string{"./..."}, &bytes.Buffer{}, &stderr); code != 1 ||
		!strings.Contains(stderr.String(), "\nbad/bad.go:3:9: undefined: undefined\n") || strings.Contains(stderr.String(), broken) {
		t.Errorf("type error: exit %d, want 1 and relative positions only:\n%s", code, &stderr)
	}
}

// TestFormatFlag checks -format: text is the default, json is -json, and
// a bad value, or a -json that contradicts it, is a one-line usage error.
func TestFormatFlag(t *testing.T) {
	writeModule(t, serviceModule)
	runOut := func(args ...string) (code int, stdout, stderr string) {
		var o, e bytes.Buffer
		code = Run(analyzer.Analyzer, args, &o, &e)
		return code, o.String(), e.String()
	}
	code, out, text := runOut("./...")
	if code != 3 || out != "" || !strings.Contains(text, "hard-coded port 8080") {
		t.Fatalf("default: exit %d, stdout %q, stderr %q", code, out, text)
	}
	if c, o, e := runOut("-format=text", "./..."); c != code || o != out || e != text {
		t.Errorf("-format=text differs from the default: exit %d, stdout %q, stderr %q", c, o, e)
	}
	code, jsonOut, _ := runOut("-json", "./...")
	if code != 0 || !strings.Contains(jsonOut, `"posn":`) {
		t.Fatalf("-json: exit %d:\n%s", code, jsonOut)
	}
	for _, args := range [][]string{{"-format=json"}, {"-format", "json"}, {"-json", "-format=json"}} {
		if c, o, _ := runOut(append(args, "./...")...); c != 0 || o != jsonOut {
			t.Errorf("%v: exit %d, output differs from -json:\n%s", args, c, o)
		}
	}
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"-format=xml"}, "portlint: invalid value \"xml\" for flag -format: want text, json or sarif (see portlint -help)\n"},
		{[]string{"-format="}, "portlint: invalid value \"\" for flag -format: want text, json or sarif (see portlint -help)\n"},
		{[]string{"-json", "-format=sarif"}, "portlint: -json conflicts with -format=sarif (see portlint -help)\n"},
		{[]string{"-format=text", "-json"}, "portlint: -json conflicts with -format=text (see portlint -help)\n"},
	} {
		if c, o, e := runOut(append(tc.args, "./...")...); c != 2 || o != "" || e != tc.want {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want 2 and %q", tc.args, c, o, e, tc.want)
		}
	}
	_, _, help := runOut("-help")
	for _, flag := range []string{"-format format", "sarif", "-version", "-json"} {
		if !strings.Contains(help, flag) {
			t.Errorf("-help does not mention %s:\n%s", flag, help)
		}
	}
}
