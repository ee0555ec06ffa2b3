package driver

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/portlint/portlint/analyzer"
	"github.com/portlint/portlint/internal/driver/depscan"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"
)

// listensFact says that a function calls net.Listen, or a function with
// the fact, with its first parameter as the address.
type listensFact struct{}

func (*listensFact) AFact()         {}
func (*listensFact) String() string { return "listens on its first parameter" }

// wrapsFact says that a package has functions with a listensFact.
type wrapsFact struct{ Count int }

func (*wrapsFact) AFact() {}

// listenAnalyzer exports listensFact and wrapsFact, and reports a
// constant address passed to a function with a listensFact.
var listenAnalyzer = &analysis.Analyzer{
	Name:      "depfacttest",
	Doc:       "reports constant addresses passed to wrappers of net.Listen",
	FactTypes: []analysis.Fact{new(listensFact), new(wrapsFact)},
}

func init() { listenAnalyzer.Run = runListenAnalyzer }

func runListenAnalyzer(pass *analysis.Pass) (any, error) {
	if pass.Analyzer != listenAnalyzer {
		panic("the pass does not name the analyzer")
	}
	// listens reports whether callee listens on its argument i.
	listens := func(callee *types.Func, i int) bool {
		if callee.Pkg() != nil && callee.Pkg().Path() == "net" && callee.Name() == "Listen" {
			return i == 1
		}
		return i == 0 && pass.ImportObjectFact(callee, new(listensFact))
	}
	wrappers := 0
	for _, f := range pass.Files {
		for _, decl := range f.Decls {
			fd, ok := decl.(*ast.FuncDecl)
			if !ok || fd.Body == nil {
				continue
			}
			fn := pass.TypesInfo.Defs[fd.Name].(*types.Func)
			var first types.Object
			if params := fn.Signature().Params(); params.Len() > 0 {
				first = params.At(0)
			}
			exported := false
			ast.Inspect(fd.Body, func(n ast.Node) bool {
				call, ok := n.(*ast.CallExpr)
				if !ok {
					return true
				}
				callee := typeutil.StaticCallee(pass.TypesInfo, call)
				if callee == nil {
					return true
				}
				for i, arg := range call.Args {
					if !listens(callee, i) {
						continue
					}
					if id, ok := arg.(*ast.Ident); ok && first != nil && pass.TypesInfo.Uses[id] == first && !exported {
						pass.ExportObjectFact(fn, new(listensFact))
						exported = true
						wrappers++
					}
					if lit, ok := arg.(*ast.BasicLit); ok && callee.Pkg().Path() != "net" {
						msg := callee.FullName() + " listens on constant " + lit.Value
						var wf wrapsFact
						if pass.ImportPackageFact(callee.Pkg(), &wf) {
							msg += " (package of " + strings.Repeat("I", wf.Count) + ")"
						}
						pass.ReportRangef(arg, "%s", msg)
					}
				}
				return true
			})
		}
	}
	if wrappers > 0 {
		pass.ExportPackageFact(&wrapsFact{Count: wrappers})
	}
	// The facts of dependencies are among all facts too.
	objects, pkgs := 0, 0
	for _, f := range pass.AllObjectFacts() {
		if strings.HasPrefix(f.Object.Pkg().Path(), "example.com/dep/") {
			objects++
		}
	}
	for _, f := range pass.AllPackageFacts() {
		if strings.HasPrefix(f.Package.Path(), "example.com/dep/") {
			pkgs++
		}
	}
	if pass.Pkg.Name() == "main" && objects+pkgs > 0 {
		pass.Reportf(pass.Files[0].Name.Pos(), "%d object facts and %d package facts of dependencies", objects, pkgs)
	}
	return nil, nil
}

// depModules are a main module and the module it requires, replaced by a
// directory: listen wraps net.Listen, wrap wraps listen, client imports
// net without listening, other imports no listen package.
var depModules = map[string]string{
	"dep/go.mod": "module example.com/dep\n\ngo 1.22\n",
	"dep/listen/listen.go": `package listen

import "net"

func Listen(addr string) (net.Listener, error) { return net.Listen("tcp", addr) }
`,
	"dep/wrap/wrap.go": `package wrap

import "example.com/dep/listen"

func Serve(addr string) { listen.Listen(addr) }
`,
	"dep/client/client.go": `package client

import "net"

func Dial(addr string) (net.Conn, error) { return net.Dial("tcp", addr) }
`,
	"dep/other/other.go": `package other

import "strings"

func Listen(s string) string { return strings.ToUpper(s) }
`,
	"app/go.mod": "module example.com/app\n\ngo 1.22\n\nrequire example.com/dep v0.0.0\n\nreplace example.com/dep => ../dep\n",
	"app/main.go": `package main

import (
	"example.com/dep/client"
	"example.com/dep/listen"
	"example.com/dep/other"
	"example.com/dep/wrap"
)

func main() {
	listen.Listen(":8080")
	wrap.Serve(":9090")
	client.Dial(":1")
	other.Listen("x")
}
`,
}

const (
	listenFinding = `main.go:11:16: example.com/dep/listen.Listen listens on constant ":8080" (package of I)`
	wrapFinding   = `main.go:12:13: example.com/dep/wrap.Serve listens on constant ":9090" (package of I)`
)

// depRun runs listenAnalyzer on the module in the working directory with
// the facts of dependencies, and returns its exit code, stderr, what the
// scan was asked and the stats. The scan names the functions that mention
// Listen or a name the candidates below returned; a use of a function
// named wants its package's facts.
func depRun(t *testing.T, args ...string) (code int, stderr string, asked []string, stats depStats) {
	t.Helper()
	depStatsHook = func(s depStats) { stats = s }
	defer func() { depStatsHook = nil }()
	scan := func(pkgPath string, goFiles []string, imports map[string]string, sees func(string) bool, scanned func(string) map[string]bool, below map[string]bool) []string {
		var fromImports []string
		for path := range imports {
			fromImports = append(fromImports, slices.Collect(maps.Keys(scanned(path)))...)
		}
		slices.Sort(fromImports)
		asked = append(asked, pkgPath+" "+strings.Join(fromImports, ","))
		if !sees("net") {
			t.Errorf("%s does not see net", pkgPath)
		}
		var names []string
		fset := token.NewFileSet()
		for _, name := range goFiles {
			f, err := parser.ParseFile(fset, name, nil, 0)
			if err != nil {
				t.Errorf("scan of %s: %v", pkgPath, err)
				continue
			}
			for _, d := range f.Decls {
				fd, ok := d.(*ast.FuncDecl)
				if !ok {
					continue
				}
				ast.Inspect(fd, func(n ast.Node) bool {
					if id, ok := n.(*ast.Ident); ok && (id.Name == "Listen" || below[id.Name]) && id != fd.Name {
						names = append(names, fd.Name.Name)
						return false
					}
					return true
				})
			}
		}
		return names
	}
	wants := func(fset *token.FileSet, user *types.Package, files []*ast.File, id *ast.Ident, obj types.Object, goFiles []string, names func() map[string]bool) bool {
		wantsAsked++
		return names()[obj.Name()]
	}
	var out, errb bytes.Buffer
	opts := Options{DepFacts: &DepFacts{Pkgs: map[string]bool{"net": true}, Scan: scan, Wants: wants}}
	code = RunWith(listenAnalyzer, opts, append(args, "./..."), &out, &errb)
	return code, errb.String() + out.String(), asked, stats
}

// wantsAsked counts the questions depRun's DepWants was asked.
var wantsAsked int

func writeDepModules(t *testing.T) (app, dep string) {
	root := writeModule(t, depModules)
	app, dep = filepath.Join(root, "app"), filepath.Join(root, "dep")
	t.Chdir(app)
	return app, dep
}

// TestDepFacts checks that the facts of a dependency module's wrappers
// of net.Listen reach the main module through the driver, from source
// then from the cache, which a changed file or a corrupt entry misses.
func TestDepFacts(t *testing.T) {
	_, dep := writeDepModules(t)
	cache := t.TempDir()
	t.Setenv("PORTLINT_CACHE", cache)
	t.Setenv("PORTLINT_DEPFACTS", "")

	check := func(run string, wantAsked, wantCached, wantLoaded []string, findings ...string) {
		t.Helper()
		code, stderr, asked, stats := depRun(t)
		if code != 3 {
			t.Errorf("%s: exit %d, want 3:\n%s", run, code, stderr)
		}
		for _, f := range findings {
			if !strings.Contains(stderr, f) {
				t.Errorf("%s: no finding %s:\n%s", run, f, stderr)
			}
		}
		if n := strings.Count(stderr, "listens on constant"); n != len(findings) {
			t.Errorf("%s: %d findings, want %d:\n%s", run, n, len(findings), stderr)
		}
		// One fact of each kind per wrapper.
		if all := fmt.Sprintf("main.go:1:9: %d object facts and %d package facts of dependencies", len(findings), len(findings)); !strings.Contains(stderr, all) {
			t.Errorf("%s: no %q:\n%s", run, all, stderr)
		}
		// The candidates main uses are scanned, wrap with what listen
		// returned; other imports no listen package and is never read.
		// Scans are cached with the facts.
		if slices.Sort(asked); !slices.Equal(asked, wantAsked) {
			t.Errorf("%s: scan asked about %q, want %q", run, asked, wantAsked)
		}
		// Bottom-up: listen before wrap, which uses it; client has no
		// function that listens.
		if !slices.Equal(stats.wanted, []string{"example.com/dep/listen", "example.com/dep/wrap"}) {
			t.Errorf("%s: wanted %q, want listen then wrap", run, stats.wanted)
		}
		slices.Sort(stats.cached)
		slices.Sort(stats.loaded)
		if !slices.Equal(stats.cached, wantCached) || !slices.Equal(stats.loaded, wantLoaded) {
			t.Errorf("%s: cached %q and loaded %q, want %q and %q", run, stats.cached, stats.loaded, wantCached, wantLoaded)
		}
	}
	both := []string{"example.com/dep/listen", "example.com/dep/wrap"}
	scans := []string{"example.com/dep/client ", "example.com/dep/listen ", "example.com/dep/wrap Listen"}
	check("first run", scans, nil, both, listenFinding, wrapFinding)
	entries, _ := filepath.Glob(filepath.Join(cache, "*", "*-facts"))
	if len(entries) != 2 {
		t.Fatalf("cache holds %q, want 2 entries", entries)
	}
	check("second run", nil, both, nil, listenFinding, wrapFinding)

	// wrap.Serve no longer passes its parameter: its facts are computed
	// again, listen's still come from the cache.
	wrapFile := filepath.Join(dep, "wrap", "wrap.go")
	if err := os.WriteFile(wrapFile, []byte(strings.Replace(depModules["dep/wrap/wrap.go"], "listen.Listen(addr)", `listen.Listen(":1")`, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	check("changed wrap.go", []string{"example.com/dep/wrap Listen"}, []string{"example.com/dep/listen"}, []string{"example.com/dep/wrap"}, listenFinding)
	if err := os.WriteFile(wrapFile, []byte(depModules["dep/wrap/wrap.go"]), 0o644); err != nil {
		t.Fatal(err)
	}
	check("restored wrap.go", nil, both, nil, listenFinding, wrapFinding)

	// Corrupt entries are misses, computed and written again.
	entries, _ = filepath.Glob(filepath.Join(cache, "*", "*-facts"))
	for i, name := range entries {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		if i%2 == 0 {
			data[len(data)-1] ^= 0xff // a flipped bit
		} else {
			data = data[:len(data)/2] // a truncated file
		}
		if err := os.WriteFile(name, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	check("corrupt cache", nil, nil, both, listenFinding, wrapFinding)
	check("repaired cache", nil, both, nil, listenFinding, wrapFinding)

	// JSON names the analyzer, not its wrapper's copy (same name: this
	// checks the output still has the findings under it).
	code, out, _, _ := depRun(t, "-json")
	if code != 0 || !strings.Contains(out, `"depfacttest": [`) || strings.Count(out, "listens on constant") != 2 {
		t.Errorf("-json: exit %d:\n%s", code, out)
	}
}

// TestDepFactsDisabled checks the driver without dependency facts: by
// default (Run), with PORTLINT_DEPFACTS=0, and with the cache off, which
// still computes them.
func TestDepFactsDisabled(t *testing.T) {
	writeDepModules(t)
	cache := t.TempDir()
	t.Setenv("PORTLINT_CACHE", cache)

	var stderr bytes.Buffer
	if code := Run(listenAnalyzer, []string{"./..."}, &bytes.Buffer{}, &stderr); code != 0 {
		t.Errorf("Run: exit %d, want 0 (no facts of dependencies):\n%s", code, &stderr)
	}

	t.Setenv("PORTLINT_DEPFACTS", "0")
	code, out, asked, stats := depRun(t)
	if code != 0 || asked != nil || stats.wanted != nil {
		t.Errorf("PORTLINT_DEPFACTS=0: exit %d (want 0), scan asked %q, wanted %q:\n%s", code, asked, stats.wanted, out)
	}

	t.Setenv("PORTLINT_DEPFACTS", "stats")
	t.Setenv("PORTLINT_CACHE", "off")
	for run := range 2 {
		code, out, _, stats = depRun(t)
		if code != 3 || strings.Count(out, "listens on constant") != 2 || len(stats.loaded) != 2 || stats.cached != nil {
			t.Errorf("PORTLINT_CACHE=off, run %d: exit %d, loaded %q, cached %q:\n%s", run, code, stats.loaded, stats.cached, out)
		}
		if !strings.Contains(out, "depfacttest: dependency facts: 3 candidates, 3 used, 3 scanned, 2 wanted, 0 from cache, 2 loaded from source, 4 facts") {
			t.Errorf("PORTLINT_DEPFACTS=stats: no stats line:\n%s", out)
		}
	}
	if entries, _ := os.ReadDir(cache); len(entries) != 0 {
		t.Errorf("PORTLINT_CACHE=off wrote %v", entries)
	}
}

// TestDepFactsPortlint runs portlint as cmd/portlint does: a helper of a
// dependency module returns the address a server listens on.
func TestDepFactsPortlint(t *testing.T) {
	writeModule(t, map[string]string{
		"dep/go.mod": "module example.com/dep\n\ngo 1.22\n",
		"dep/web/web.go": `package web

import "net/http"

func Addr() string { return ":8080" }

func Handler() http.Handler { return http.NotFoundHandler() }
`,
		"app/go.mod": "module example.com/app\n\ngo 1.22\n\nrequire example.com/dep v0.0.0\n\nreplace example.com/dep => ../dep\n",
		"app/main.go": `package main

import (
	"net/http"

	"example.com/dep/web"
)

func main() { http.ListenAndServe(web.Addr(), web.Handler()) }
`,
	})
	t.Chdir("app")
	t.Setenv("PORTLINT_CACHE", t.TempDir())
	t.Setenv("PORTLINT_DEPFACTS", "")
	opts := Options{DepFacts: &DepFacts{Pkgs: depscan.ListenPkgs(), Scan: depscan.Scan, Wants: depscan.Wants(analyzer.SeesModule)}}
	for run := range 2 {
		var stderr bytes.Buffer
		code := RunWith(analyzer.Analyzer, opts, []string{"./..."}, &bytes.Buffer{}, &stderr)
		if code != 3 || !strings.Contains(stderr.String(), "main.go:9:35: http.ListenAndServe listens on hard-coded port 8080") {
			t.Errorf("run %d: exit %d, want 3 and the finding:\n%s", run, code, &stderr)
		}
	}
	var stderr bytes.Buffer
	if code := Run(analyzer.Analyzer, []string{"./..."}, &bytes.Buffer{}, &stderr); code != 0 {
		t.Errorf("without dependency facts: exit %d, want 0:\n%s", code, &stderr)
	}
}
