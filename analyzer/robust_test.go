package analyzer_test

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/portlint/portlint/analyzer"
	"golang.org/x/tools/go/analysis/analysistest"
)

// TestRobust runs portlint, in one analysistest load, on bad and unusual
// source: the committed packages under testdata/src/robust — generics
// (type-parameter addresses, generic wrappers, servers embedded in generic
// types), cgo (findings still point at the original file and line) and a
// package with type errors (not analyzed, reported once as such) — and the
// large inputs that robustInputs generates.
func TestRobust(t *testing.T) {
	dir := t.TempDir()
	pkgs := []string{"generics", "typeerrors"}
	if reason := cgoUnavailable(); reason == "" {
		pkgs = append(pkgs, "cgo")
	} else if ci, _ := strconv.ParseBool(os.Getenv("CI")); ci {
		t.Fatalf("%s (CI=true, so this is a failure)", reason)
	} else {
		t.Logf("skipping robust/cgo: %s", reason)
	}
	var patterns []string
	for _, pkg := range pkgs {
		files, err := filepath.Glob(filepath.Join(testdata, "src", "robust", pkg, "*.go"))
		if err != nil || len(files) == 0 {
			t.Fatalf("robust/%s: no files (%v)", pkg, err)
		}
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			writeFile(t, filepath.Join(dir, "src", "robust", pkg, filepath.Base(f)), string(data))
		}
		patterns = append(patterns, "robust/"+pkg)
	}
	patterns = append(patterns, robustInputs(t, dir)...)

	rec := &errorRecorder{}
	analysistest.Run(rec, dir, analyzer.Analyzer, patterns...)
	skipped := 0
	for _, e := range rec.errs {
		if strings.Contains(e, "robust/typeerrors") && strings.Contains(e, "analysis skipped due to errors in package") {
			skipped++
			continue
		}
		t.Error(e)
	}
	if skipped != 1 {
		t.Errorf("robust/typeerrors: %d errors saying the analysis was skipped, want 1", skipped)
	}
}

// errorRecorder is an analysistest.Testing that records errors.
type errorRecorder struct{ errs []string }

func (r *errorRecorder) Errorf(format string, args ...any) {
	r.errs = append(r.errs, fmt.Sprintf(format, args...))
}

// cgoUnavailable says why cgo packages cannot be loaded here (cgo off, no
// C compiler: the package then has no Go files), or "".
func cgoUnavailable() string {
	out, err := exec.Command("go", "env", "CGO_ENABLED", "CC").Output()
	fields := strings.Fields(string(out))
	switch {
	case err != nil:
		return fmt.Sprintf("go env: %v", err)
	case len(fields) != 2 || fields[0] != "1":
		return "cgo is disabled (CGO_ENABLED=0)"
	}
	if _, err := exec.LookPath(fields[1]); err != nil {
		return fmt.Sprintf("no C compiler %q (install gcc)", fields[1])
	}
	return ""
}

func writeFile(t *testing.T, path, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// Sizes of the inputs robustInputs generates.
//
// plusChainTerms is large: values compact their segments (value.go), so
// resolving a concatenation is linear in its operands.
const (
	longFileSites  = 2_000   // listen sites in the long file, 50 lines apart
	longLineBytes  = 1 << 20 // a string literal this long before a site on the same line
	constOperands  = 10_000  // operands of the huge constant expressions
	nestedParens   = 10_000  // parentheses around an address
	nestedCalls    = 1_000   // fmt.Sprint(fmt.Sprint(…)) around a port
	plusChainTerms = 50_000  // operands of a non-constant concatenation
)

// robustInputs writes into the GOPATH tree dir, at test time rather than
// in the repository, sources at sizes real code rarely reaches: a
// 100,000-line file, a 1 MiB line, constant expressions of 10,000
// operands, 10,000 nested parentheses, 1,000 nested calls and a long
// non-constant concatenation, each with exact // want results, and returns
// their patterns. (Deeper nesting than go/parser accepts is a load error:
// see integration.TestBadSourceNesting.)
func robustInputs(t *testing.T, dir string) []string {
	var patterns []string
	write := func(pkg, src string) {
		t.Helper()
		writeFile(t, filepath.Join(dir, "src", "robust", pkg, pkg+".go"), src)
		patterns = append(patterns, "robust/"+pkg)
	}

	// A long file: every site 50 lines from the next; every third port
	// comes from the environment (silent), every fifth through a variable.
	var b strings.Builder
	b.WriteString("package long\n\nimport (\n\t\"net/http\"\n\t\"os\"\n)\n")
	for i := range longFileSites {
		port := 10000 + i
		fmt.Fprintf(&b, "\nfunc serve%d() {\n", i)
		for j := range 45 {
			fmt.Fprintf(&b, "\t_ = %d // filler %d\n", j, j)
		}
		switch {
		case i%3 == 0:
			b.WriteString("\thttp.ListenAndServe(\":\"+os.Getenv(\"PORT\"), nil)\n")
		case i%5 == 0:
			fmt.Fprintf(&b, "\taddr := \"localhost:%d\"\n\thttp.ListenAndServe(addr, nil) // want `hard-coded port %d and loopback host \"localhost\"`\n", port, port)
		default:
			fmt.Fprintf(&b, "\thttp.ListenAndServe(\":%d\", nil) // want `hard-coded port %d`\n", port, port)
		}
		b.WriteString("}\n")
	}
	write("long", b.String())

	// A 1 MiB line, with a site after the literal on the same line.
	write("longline", "package longline\n\nimport \"net/http\"\n\nfunc serve() { _ = \""+strings.Repeat("x", longLineBytes)+
		"\"; http.ListenAndServe(\"localhost:8080\", nil) } // want `hard-coded port 8080 and loopback host \"localhost\"`\n")

	// Huge constant expressions: a string of constOperands concatenations
	// and an integer sum of constOperands ones.
	write("hugeconst", "package hugeconst\n\nimport (\n\t\"net/http\"\n\t\"strconv\"\n)\n\n"+
		"const host = "+strings.Repeat(`"" + `, constOperands)+"\"localhost\"\n\n"+
		"const port = "+strings.Repeat("1 + ", constOperands-1)+"1\n\n"+
		"func serve() {\n\thttp.ListenAndServe(host+\":\"+strconv.Itoa(port), nil) // want `hard-coded port "+strconv.Itoa(constOperands)+" and loopback host \"localhost\"`\n}\n")

	// Deep nesting: parentheses around an address, calls around a port.
	write("parens", "package parens\n\nimport \"net/http\"\n\nfunc serve() {\n\thttp.ListenAndServe("+
		strings.Repeat("(", nestedParens)+`"127.0.0.1:8081"`+strings.Repeat(")", nestedParens)+
		", nil) // want `hard-coded port 8081 and loopback host \"127\\.0\\.0\\.1\"`\n}\n")
	write("calls", "package calls\n\nimport (\n\t\"fmt\"\n\t\"net/http\"\n)\n\nfunc serve() {\n\thttp.ListenAndServe(\":\"+"+
		strings.Repeat("fmt.Sprint(", nestedCalls)+"8082"+strings.Repeat(")", nestedCalls)+
		", nil) // want `hard-coded port 8082`\n}\n")

	// A long concatenation with an unknown first operand: the port is
	// still known, the host is not.
	write("plus", "package plus\n\nimport \"net/http\"\n\nfunc serve(h string) {\n\thttp.ListenAndServe(h"+
		strings.Repeat(` + ""`, plusChainTerms)+` + ":8083", nil) // want `+"`^http\\.ListenAndServe listens on hard-coded port 8083: read`\n}\n")

	return patterns
}
