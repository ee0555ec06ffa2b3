package integration

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// badEnv keeps the bad-input tests offline and independent of any
// workspace or flags in the user's environment.
var badEnv = []string{"GOWORK=off", "GOFLAGS=-mod=mod", "GOPROXY=off"}

// writeModule writes a module example.com/bad with the given files (path
// relative to the module root -> contents) into a new temporary directory.
func writeModule(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	files["go.mod"] = "module example.com/bad\n\ngo 1.22\n"
	for name, text := range files {
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// noCrash fails the test if out shows a panic or an internal error of the
// driver or the analyzer.
func noCrash(t *testing.T, out string) {
	t.Helper()
	for _, s := range []string{"panic:", "goroutine ", "internal error", "fatal error:"} {
		if strings.Contains(out, s) {
			t.Fatalf("output shows a crash (%q):\n%s", s, out)
		}
	}
}

const okPackage = `package ok

import "net/http"

func serve() { http.ListenAndServe(":8080", nil) }
`

// TestBadOptions checks that every invalid value of portlint's own flags
// is one line naming the flag and the problem, with exit status 2, before
// any package is loaded — in both the -flag=value and the -flag value
// spellings.
func TestBadOptions(t *testing.T) {
	dir := writeModule(t, map[string]string{"ok/ok.go": okPackage})
	for _, tc := range []struct {
		args []string
		want string // the whole line after "portlint: "
	}{
		{[]string{"-host=localhost"}, `invalid -host: "localhost" is not an IP address (use 0.0.0.0 or ::)`},
		{[]string{"-host", "localhost"}, `invalid -host: "localhost" is not an IP address (use 0.0.0.0 or ::)`},
		{[]string{"-host="}, `invalid -host: empty host (use 0.0.0.0 or ::)`},
		{[]string{"-host=127.0.0.1"}, `invalid -host: "127.0.0.1" is not an all-interfaces address (use 0.0.0.0 or ::)`},
		{[]string{"-host=0.0.0.0:8080"}, `invalid -host: "0.0.0.0:8080" is not an IP address (use 0.0.0.0 or ::)`},
		{[]string{"-host=[::]"}, `invalid -host: "[::]" is not an IP address (use 0.0.0.0 or ::)`},
		{[]string{"--host=10.0.0.1"}, `invalid -host: "10.0.0.1" is not an all-interfaces address (use 0.0.0.0 or ::)`},
		{[]string{"-env="}, `invalid -env: empty environment variable name`},
		{[]string{"-env", ""}, `invalid -env: empty environment variable name`},
		{[]string{"-env=1PORT"}, `invalid -env: "1PORT" is not a valid environment variable name (letters, digits and _, not starting with a digit)`},
		{[]string{"-env=PORT=8080"}, `invalid -env: "PORT=8080" is not a valid environment variable name (letters, digits and _, not starting with a digit)`},
		{[]string{"-env=$PORT"}, `invalid -env: "$PORT" is not a valid environment variable name (letters, digits and _, not starting with a digit)`},
		{[]string{"-allow=localhost"}, `invalid -allow: malformed entry "localhost": want host:port, *:port or host:*`},
		{[]string{"-allow=[::1:80"}, `invalid -allow: malformed entry "[::1:80": want host:port, *:port or host:*`},
		{[]string{"-allow=localhost:6060,nope"}, `invalid -allow: malformed entry "nope": want host:port, *:port or host:*`},
		{[]string{"-allow=*:*"}, `invalid -allow: entry "*:*" allows every address; remove portlint instead`},
		{[]string{"-allow=localhost:"}, `invalid -allow: entry "localhost:" has no port: use localhost:* for any port`},
		{[]string{"-allow=localhost:0"}, `invalid -allow: entry "localhost:0" has an invalid port "0"`},
		{[]string{"-allow=localhost:99999"}, `invalid -allow: entry "localhost:99999" has an invalid port "99999"`},
		{[]string{"-allow", "*:80 80"}, `invalid -allow: entry "*:80 80" has an invalid port "80 80"`},
		// A valid flag before the bad one does not hide it.
		{[]string{"-env=APP_PORT", "-host=::1"}, `invalid -host: "::1" is not an all-interfaces address (use 0.0.0.0 or ::)`},
		{[]string{"-fix", "-allow=x"}, `invalid -allow: malformed entry "x": want host:port, *:port or host:*`},
		{[]string{"-format", "sarif", "-host=localhost"}, `invalid -host: "localhost" is not an IP address (use 0.0.0.0 or ::)`},
		// The driver's own flags.
		{[]string{"-format=xml"}, `invalid value "xml" for flag -format: want text, json or sarif (see portlint -help)`},
		{[]string{"-json", "-format=sarif"}, `-json conflicts with -format=sarif (see portlint -help)`},
	} {
		t.Run(strings.Join(tc.args, " "), func(t *testing.T) {
			out, code := run(t, dir, badEnv, portlintBin, append(tc.args, "./...")...)
			noCrash(t, out)
			if code != 2 {
				t.Errorf("exit status %d, want 2", code)
			}
			lines := strings.Split(strings.TrimRight(out, "\n"), "\n")
			if len(lines) != 1 {
				t.Errorf("%d lines of output, want one", len(lines))
			}
			if !strings.HasPrefix(lines[0], "portlint: "+tc.want) {
				t.Errorf("got %q\nwant it to start with %q", lines[0], "portlint: "+tc.want)
			}
		})
	}
	// The same values, valid, run normally.
	out, code := run(t, dir, badEnv, portlintBin, "-host=::", "-env=APP_PORT", "-allow=localhost:6060,*:9090", "./...")
	if code != 3 || !strings.Contains(out, "hard-coded port 8080: read the port from $APP_PORT") {
		t.Errorf("valid flags: exit status %d, output:\n%s", code, out)
	}
}

// TestBadSourceLoadErrors checks that packages that do not load or
// type-check give the driver's error and exit status 1 — never a panic,
// never a silent success — and that findings of the packages that do load
// are still printed.
func TestBadSourceLoadErrors(t *testing.T) {
	dir := writeModule(t, map[string]string{
		"ok/ok.go": okPackage,
		"typeerr/t.go": `package typeerr

import "net/http"

func serve() {
	http.ListenAndServe(":8080", undefinedHandler)
}
`,
		"syntax/s.go": `package syntax

import "net/http"

func serve() {
	http.ListenAndServe(":8080", nil
}
`,
		"missing/m.go": `package missing

import "example.com/nowhere/pkg"

var _ = pkg.X
`,
		"depbroken/d.go": `package depbroken

import (
	"net/http"

	"example.com/bad/typeerr"
)

var _ = typeerr.Nothing

func serve() { http.ListenAndServe(":8081", nil) }
`,
		"empty/README": "no Go files here\n",
	})
	for _, tc := range []struct {
		pattern string
		want    []string // substrings of the output
	}{
		{"./typeerr", []string{"typeerr/t.go:6:31: undefined: undefinedHandler"}},
		{"./syntax", []string{"syntax/s.go:6:34:"}},
		{"./missing", []string{"example.com/nowhere/pkg"}},
		{"./depbroken", []string{"undefined: typeerr.Nothing"}},
		{"./nonexistent", []string{"nonexistent"}},
		{"./empty/...", []string{"./empty/... matched no packages"}},
		{"example.com/elsewhere", []string{"example.com/elsewhere"}},
		{"./...", []string{"undefined: undefinedHandler", "ok/ok.go:5:36: http.ListenAndServe listens on hard-coded port 8080"}},
	} {
		t.Run(tc.pattern, func(t *testing.T) {
			out, code := run(t, dir, badEnv, portlintBin, tc.pattern)
			noCrash(t, out)
			if code != 1 {
				t.Errorf("exit status %d, want 1", code)
			}
			for _, w := range tc.want {
				if !strings.Contains(out, w) {
					t.Errorf("output lacks %q", w)
				}
			}
			if t.Failed() {
				t.Logf("output:\n%s", out)
			}
		})
	}
}

// TestBadSourceNesting feeds portlint an expression nested deeper than
// go/parser accepts (it stops at 100,000 levels): a load error naming the
// limit, not a stack overflow. Shallower nesting is analyzed normally
// (analyzer.TestRobust).
func TestBadSourceNesting(t *testing.T) {
	const depth = 100_001
	dir := writeModule(t, map[string]string{
		"deep/deep.go": "package deep\n\nimport \"net/http\"\n\nfunc serve() {\n\thttp.ListenAndServe(" +
			strings.Repeat("(", depth) + `":8080"` + strings.Repeat(")", depth) + ", nil)\n}\n",
	})
	out, code := run(t, dir, badEnv, portlintBin, "./deep")
	noCrash(t, out)
	if code != 1 || !strings.Contains(out, "exceeded max nesting depth") {
		t.Errorf("exit status %d, want 1 and a nesting-depth error; output:\n%.2000s", code, out)
	}
}

// TestBadSourceCgo runs portlint on a cgo package of a real module:
// findings point at the original file and line, not at cgo's generated
// code. -fix leaves the file alone: the analysis sees cgo's generated
// files, and the driver (x/tools) never applies fixes to generated files,
// so the finding stays and the module still builds.
func TestBadSourceCgo(t *testing.T) {
	if cgo := strings.TrimSpace(goEnv(t, "CGO_ENABLED")); cgo != "1" {
		if inCI() {
			t.Fatalf("CGO_ENABLED=%s (CI=true, so this is a failure)", cgo)
		}
		t.Skipf("skipping: CGO_ENABLED=%s", cgo)
	}
	requireTool(t, goEnv(t, "CC"), "apt-get install gcc")
	src := `package main

/*
static int default_port(void) { return 8090; }
*/
import "C"

import (
	"net/http"
	"strconv"
)

func main() {
	go http.ListenAndServe(":"+strconv.Itoa(int(C.default_port())), nil)
	http.ListenAndServe("localhost:8091", nil)
}
`
	dir := writeModule(t, map[string]string{"main.go": src})
	line := lineOf(t, filepath.Join(dir, "main.go"), `"localhost:8091"`)

	out, code := run(t, dir, badEnv, portlintBin, "./...")
	noCrash(t, out)
	if code != 3 {
		t.Errorf("exit status %d, want 3", code)
	}
	checkFindings(t, out, finding{"main.go", line, `listens on hard-coded port 8091 and loopback host "localhost"`})

	out, code = run(t, dir, badEnv, portlintBin, "-fix", "./...")
	noCrash(t, out)
	if code != 0 {
		t.Errorf("-fix: exit status %d, want 0:\n%s", code, out)
	}
	if data, err := os.ReadFile(filepath.Join(dir, "main.go")); err != nil || string(data) != src {
		t.Errorf("-fix changed the cgo file (err %v):\n%s", err, data)
	}
	mustRun(t, dir, badEnv, "go", "build", "./...")
}
