package bench

// Benchmarks of portlint's own cost (issue 8). They run only with -bench:
//
//	go test ./bench -run '^$' -bench . -count 10 | tee new.txt
//
// Each package set is loaded once per process, the first time a benchmark
// needs it, the way portlint's driver (internal/driver) loads packages:
// packages.LoadSyntax, the roots from source and their dependencies from
// export data. For an analyzer without facts the pass runs on the roots;
// for one with facts (or requiring one that has them) it runs on every
// package loaded from source, dependencies first, as the checker must to
// compute the facts (for the standard-library sets those are the roots).
// The benchmarks then run passes on the loaded packages:
//
//	BenchmarkPass     the analyzer's Run alone on every package it runs on,
//	                  each inspector prebuilt: portlint's own time, next
//	                  to the no-op walk (Noop) on the same set.
//	BenchmarkChecker  checker.Analyze with the analyzer, sequentially: the
//	                  inspect.Analyzer pass both need, plus the analyzer,
//	                  plus the driver's fact plumbing.
//	BenchmarkInspect  inspector.New on every root: the shared cost.
//	BenchmarkLoad     loading and type checking the set as the driver
//	                  does (mode=syntax): the denominator of the
//	                  in-process budget; and mode=allsyntax, everything
//	                  from source, what singlechecker would load for an
//	                  analyzer with facts.
//	BenchmarkScale    Run on one synthetic package (1k, 10k, 100k listen
//	                  sites, 100 to a file; 1k, 10k sites in one file; one
//	                  variable with 1k, 10k, 100k assignments), with
//	                  ns/site: flat across sizes when the pass is linear.
//	                  Facts of the dependencies, if any, are computed
//	                  once beforehand.
//
// Every benchmark also reports cpu-ns/op, the CPU time of the process
// (GC included, and go list for BenchmarkLoad), which other processes on
// a busy machine disturb less than the wall time in ns/op.

import (
	"fmt"
	"go/ast"
	"go/types"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/portlint/portlint/analyzer"
	"github.com/portlint/portlint/internal/driver"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/packages"
)

// pkgSet is a fixed set of packages to run the passes on.
type pkgSet struct {
	name     string
	patterns []string   // standard-library patterns, or
	synth    []synthPkg // synthetic packages (loaded as ./name)
	sites    int        // listen sites (or assignments), for ns/site
}

var (
	// nethttp is the realistic slice of the standard library: net/http
	// and the packages importing it.
	nethttp = pkgSet{name: "nethttp", patterns: []string{"net/http/...", "expvar", "net/rpc"}}
	// nonet imports no listen package: portlint's fast path.
	nonet = pkgSet{name: "nonet", patterns: []string{
		"go/types", "go/parser", "encoding/json", "text/template", "compress/flate",
		"archive/zip", "image/png", "regexp", "database/sql",
	}}
	// large is a synthetic service package: 4000 ordinary functions and
	// 200 listen sites of every shape, in 105 files (about 100k lines).
	large = pkgSet{name: "large", synth: []synthPkg{{name: "large", sites: 200, fillers: 4000, perFile: 40}}, sites: 200}

	fixedSets = []pkgSet{nethttp, nonet, large}

	// processSets are the patterns of scripts/bench-process.sh, for
	// BenchmarkPass only: portlint's pass on them, next to the CPU time
	// of the whole process, is its share of that process.
	processSets = []pkgSet{
		{name: "netcrypto", patterns: []string{"net/...", "crypto/..."}},
		{name: "std", patterns: []string{"std"}},
	}
)

// callSet has n listen sites, 100 to a file.
func callSet(n int, label string) pkgSet {
	return pkgSet{name: "calls=" + label, synth: []synthPkg{{name: "calls" + label, sites: n, perFile: 100}}, sites: n}
}

// oneFileSet has n listen sites in a single file.
func oneFileSet(n int, label string) pkgSet {
	return pkgSet{name: "onefile=" + label, synth: []synthPkg{{name: "onefile" + label, sites: n, perFile: n + 1}}, sites: n}
}

// assignSet has one variable with n assignments (half constant, half
// from the environment), each in a function of its own, 100 to a file,
// read by 100 listen sites.
func assignSet(n int, label string) pkgSet {
	return pkgSet{name: "assign=" + label, synth: []synthPkg{{name: "assign" + label, perFile: 100, assignments: n, assignReader: 100}}, sites: n}
}

var scaleSets = []pkgSet{
	callSet(1000, "1k"), callSet(10000, "10k"), callSet(100000, "100k"),
	oneFileSet(1000, "1k"), oneFileSet(10000, "10k"),
	assignSet(1000, "1k"), assignSet(10000, "10k"), assignSet(100000, "100k"),
}

var analyzers = []*analysis.Analyzer{analyzer.Analyzer, Noop}

// needFacts reports whether a or an analyzer it requires uses facts: the
// driver then runs it on every package loaded from source, dependencies
// first.
func needFacts(a *analysis.Analyzer) bool {
	if len(a.FactTypes) > 0 {
		return true
	}
	for _, r := range a.Requires {
		if needFacts(r) {
			return true
		}
	}
	return false
}

// loaded is a set's packages with their inspectors, built once.
type loaded struct {
	roots []*packages.Package
	all   []*packages.Package // every package loaded from source, dependencies first (facts only)
	insp  map[*packages.Package]*inspector.Inspector
}

// pkgsFor returns the packages a driver runs a on.
func (l *loaded) pkgsFor(a *analysis.Analyzer) []*packages.Package {
	if needFacts(a) {
		return l.all
	}
	return l.roots
}

// deps returns the packages of all that are not roots, in order.
func (l *loaded) deps() []*packages.Package {
	var out []*packages.Package
	for _, p := range l.all {
		if !slices.Contains(l.roots, p) {
			out = append(out, p)
		}
	}
	return out
}

type cacheKey struct {
	set   string
	facts bool
}

var (
	mu       sync.Mutex
	cache    = map[cacheKey]*loaded{}
	synthDir string // the generated module, removed by TestMain
)

func TestMain(m *testing.M) {
	code := m.Run()
	if synthDir != "" {
		os.RemoveAll(synthDir)
	}
	os.Exit(code)
}

// dirAndPatterns generates s's synthetic packages, if any, and returns
// where and what to load. mu must be held.
func dirAndPatterns(s pkgSet) (dir string, patterns []string, err error) {
	if s.synth == nil {
		return "", s.patterns, nil
	}
	if synthDir == "" {
		if synthDir, err = os.MkdirTemp("", "portlint-bench-"); err != nil {
			return "", nil, err
		}
		if err := writeModule(synthDir, nil); err != nil {
			return "", nil, err
		}
	}
	for _, p := range s.synth {
		dir := filepath.Join(synthDir, p.name)
		if _, err := os.Stat(dir); err != nil {
			if err := writePackage(dir, p); err != nil {
				return "", nil, err
			}
		}
		patterns = append(patterns, "./"+p.name)
	}
	return synthDir, patterns, nil
}

// load loads as portlint's driver does, or with allSyntax everything from
// source, as singlechecker does for an analyzer with facts.
func load(dir string, patterns []string, facts, allSyntax bool) ([]*packages.Package, error) {
	var pkgs []*packages.Package
	var err error
	if allSyntax {
		pkgs, err = packages.Load(&packages.Config{Mode: packages.LoadAllSyntax | packages.NeedModule, Dir: dir}, patterns...)
	} else {
		pkgs, err = driver.Load(dir, patterns, facts)
	}
	if err != nil {
		return nil, err
	}
	var errs []string
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		for _, e := range p.Errors {
			errs = append(errs, e.Error())
		}
	})
	if len(errs) > 0 {
		return nil, fmt.Errorf("%d errors loading %v, first: %s", len(errs), patterns, errs[0])
	}
	return pkgs, nil
}

// get loads s once for a's driver mode.
func get(tb testing.TB, s pkgSet, a *analysis.Analyzer) *loaded {
	tb.Helper()
	mu.Lock()
	defer mu.Unlock()
	key := cacheKey{s.name, needFacts(a)}
	if l, ok := cache[key]; ok {
		return l
	}
	dir, patterns, err := dirAndPatterns(s)
	if err != nil {
		tb.Fatal(err)
	}
	pkgs, err := load(dir, patterns, key.facts, false)
	if err != nil {
		tb.Fatal(err)
	}
	l := &loaded{roots: pkgs, insp: map[*packages.Package]*inspector.Inspector{}}
	if key.facts {
		packages.Visit(pkgs, nil, func(p *packages.Package) { l.all = append(l.all, p) })
	}
	for _, p := range append(l.all, l.roots...) {
		if l.insp[p] == nil {
			l.insp[p] = inspector.New(p.Syntax)
		}
	}
	cache[key] = l
	return l
}

// facts holds the facts passes export, in memory, as a driver keeps them
// (without the driver's copying from package to package).
type facts struct {
	obj map[objKey]analysis.Fact
	pkg map[pkgKey]analysis.Fact
}

type objKey struct {
	obj types.Object
	t   reflect.Type
}

type pkgKey struct {
	pkg *types.Package
	t   reflect.Type
}

func newFacts() *facts {
	return &facts{obj: map[objKey]analysis.Fact{}, pkg: map[pkgKey]analysis.Fact{}}
}

func (f *facts) wire(pass *analysis.Pass) {
	pass.ImportObjectFact = func(obj types.Object, ptr analysis.Fact) bool {
		v, ok := f.obj[objKey{obj, reflect.TypeOf(ptr)}]
		if ok {
			reflect.ValueOf(ptr).Elem().Set(reflect.ValueOf(v).Elem())
		}
		return ok
	}
	pass.ExportObjectFact = func(obj types.Object, fact analysis.Fact) {
		f.obj[objKey{obj, reflect.TypeOf(fact)}] = fact
	}
	pass.ImportPackageFact = func(pkg *types.Package, ptr analysis.Fact) bool {
		v, ok := f.pkg[pkgKey{pkg, reflect.TypeOf(ptr)}]
		if ok {
			reflect.ValueOf(ptr).Elem().Set(reflect.ValueOf(v).Elem())
		}
		return ok
	}
	pass.ExportPackageFact = func(fact analysis.Fact) {
		f.pkg[pkgKey{pass.Pkg, reflect.TypeOf(fact)}] = fact
	}
	pass.AllObjectFacts = func() []analysis.ObjectFact {
		var out []analysis.ObjectFact
		for k, v := range f.obj {
			out = append(out, analysis.ObjectFact{Object: k.obj, Fact: v})
		}
		return out
	}
	pass.AllPackageFacts = func() []analysis.PackageFact {
		var out []analysis.PackageFact
		for k, v := range f.pkg {
			out = append(out, analysis.PackageFact{Package: k.pkg, Fact: v})
		}
		return out
	}
}

// runPass runs a on pkgs in order, the way a driver does, with the
// inspectors already built and facts kept in fs (fresh if nil), and
// returns the number of diagnostics.
func runPass(tb testing.TB, a *analysis.Analyzer, l *loaded, pkgs []*packages.Package, fs *facts) int {
	if fs == nil {
		fs = newFacts()
	}
	n := 0
	for _, p := range pkgs {
		pass := &analysis.Pass{
			Analyzer:     a,
			Fset:         p.Fset,
			Files:        p.Syntax,
			OtherFiles:   p.OtherFiles,
			IgnoredFiles: p.IgnoredFiles,
			Pkg:          p.Types,
			TypesInfo:    p.TypesInfo,
			TypesSizes:   p.TypesSizes,
			TypeErrors:   p.TypeErrors,
			Module:       &analysis.Module{},
			ResultOf:     map[*analysis.Analyzer]any{inspect.Analyzer: l.insp[p]},
			Report:       func(analysis.Diagnostic) { n++ },
			ReadFile:     os.ReadFile,
		}
		fs.wire(pass)
		if _, err := a.Run(pass); err != nil {
			tb.Fatalf("%s on %s: %v", a.Name, p.PkgPath, err)
		}
	}
	return n
}

// measure runs f b.N times and reports, besides ns/op and allocations,
// cpu-ns/op: the process's CPU time per run, GC included, which other
// processes on the machine disturb less than wall time. It returns the
// CPU time of the b.N runs.
//
// A full collection first leaves no garbage of earlier benchmarks: the
// loaded packages make the heap large, so a collection during the loop
// would charge one benchmark for what others allocated.
func measure(b *testing.B, f func()) (cpu time.Duration) {
	b.ReportAllocs()
	runtime.GC()
	cpu0 := cpuTime()
	for b.Loop() {
		f()
	}
	cpu = cpuTime() - cpu0
	b.ReportMetric(float64(cpu)/float64(b.N), "cpu-ns/op")
	return cpu
}

// BenchmarkPass is the analyzer's own time: Run on every package the
// driver runs it on, with the inspectors (inspect.Analyzer's result)
// already built. portlint minus noop is what portlint adds to the walk
// any inspector-based analyzer does. The sets netcrypto and std are the
// patterns of scripts/bench-process.sh.
func BenchmarkPass(b *testing.B) {
	for _, s := range append(fixedSets, processSets...) {
		for _, a := range analyzers {
			b.Run("set="+s.name+"/analyzer="+a.Name, func(b *testing.B) {
				l := get(b, s, a)
				pkgs := l.pkgsFor(a)
				measure(b, func() { runPass(b, a, l, pkgs, nil) })
			})
		}
	}
}

// BenchmarkChecker runs the analyzer through checker.Analyze, which also
// runs inspect.Analyzer on every package the analyzer runs on (building
// its inspector), as a driver does. Sequential, so that ns/op is CPU
// time. portlint minus noop is portlint's whole cost to a driver.
func BenchmarkChecker(b *testing.B) {
	for _, s := range fixedSets {
		for _, a := range analyzers {
			b.Run("set="+s.name+"/analyzer="+a.Name, func(b *testing.B) {
				l := get(b, s, a)
				measure(b, func() {
					g, err := checker.Analyze([]*analysis.Analyzer{a}, l.roots, &checker.Options{Sequential: true})
					if err != nil {
						b.Fatal(err)
					}
					for act := range g.All() {
						if act.Err != nil {
							b.Fatal(act.Err)
						}
					}
				})
			})
		}
	}
}

// BenchmarkInspect is the inspect.Analyzer's work on the roots: building
// an inspector for each.
func BenchmarkInspect(b *testing.B) {
	for _, s := range fixedSets {
		b.Run("set="+s.name, func(b *testing.B) {
			l := get(b, s, Noop)
			measure(b, func() {
				for _, p := range l.roots {
					inspector.New(p.Syntax)
				}
			})
		})
	}
}

// BenchmarkLoad is loading and type checking the set: mode=syntax as
// portlint's driver does (go list, then parsing and type checking the
// roots, the dependencies' types read from export data in the build
// cache), the denominator of the in-process budget; mode=allsyntax as
// singlechecker does for an analyzer with facts (everything parsed and
// type checked from source), for comparison.
func BenchmarkLoad(b *testing.B) {
	for _, s := range fixedSets {
		for _, all := range []bool{false, true} {
			mode := "syntax"
			if all {
				mode = "allsyntax"
			}
			b.Run("set="+s.name+"/mode="+mode, func(b *testing.B) {
				mu.Lock()
				dir, patterns, err := dirAndPatterns(s)
				mu.Unlock()
				if err != nil {
					b.Fatal(err)
				}
				measure(b, func() {
					if _, err := load(dir, patterns, true, all); err != nil {
						b.Fatal(err)
					}
				})
			})
		}
	}
}

// BenchmarkScale is the pass on each scaling package alone (its
// dependencies' facts, if the analyzer has any, computed beforehand).
// ns/site is ns/op divided by the listen sites (the assignments, for
// assign=): flat across sizes when the pass is linear.
func BenchmarkScale(b *testing.B) {
	for _, s := range scaleSets {
		for _, a := range analyzers {
			b.Run(s.name+"/analyzer="+a.Name, func(b *testing.B) {
				l := get(b, s, a)
				fs := newFacts()
				if needFacts(a) {
					runPass(b, a, l, l.deps(), fs)
				}
				cpu := measure(b, func() { runPass(b, a, l, l.roots, fs) })
				n := float64(b.N) * float64(s.sites)
				b.ReportMetric(float64(b.Elapsed().Nanoseconds())/n, "ns/site")
				b.ReportMetric(float64(cpu)/n, "cpu-ns/site")
			})
		}
	}
}

// TestSynth checks, on a small generated package, that the synthetic
// shapes are what they claim (portlint reports exactly the shapes marked
// report) and that both analyzers run through the benchmark harness. It
// asserts nothing about time.
func TestSynth(t *testing.T) {
	dir := t.TempDir()
	p := synthPkg{name: "small", sites: 2 * len(shapes), fillers: 3, perFile: 4, assignments: 4, assignReader: 2}
	if err := writeModule(dir, []synthPkg{p}); err != nil {
		t.Fatal(err)
	}
	pkgs, err := load(dir, []string{"./small"}, false, false)
	if err != nil {
		t.Fatal(err)
	}
	pkg := pkgs[0]
	l := &loaded{roots: pkgs, insp: map[*packages.Package]*inspector.Inspector{pkg: inspector.New(pkg.Syntax)}}

	// Which shapes portlint reports, by the function holding the finding.
	got := map[string]int{}
	pass := &analysis.Pass{
		Analyzer: analyzer.Analyzer, Fset: pkg.Fset, Files: pkg.Syntax,
		Pkg: pkg.Types, TypesInfo: pkg.TypesInfo, TypesSizes: pkg.TypesSizes,
		Module:   &analysis.Module{},
		ResultOf: map[*analysis.Analyzer]any{inspect.Analyzer: l.insp[pkg]},
		ReadFile: os.ReadFile,
		Report: func(d analysis.Diagnostic) {
			for _, f := range pkg.Syntax {
				for _, decl := range f.Decls {
					if fd, ok := decl.(*ast.FuncDecl); ok && fd.Pos() <= d.Pos && d.Pos < fd.End() {
						var i int
						if _, err := fmt.Sscanf(fd.Name.Name, "listen%d", &i); err == nil {
							got[shapes[i%len(shapes)].name]++
							return
						}
						t.Errorf("finding outside a listen site, in %s: %s", fd.Name.Name, d.Message)
						return
					}
				}
			}
			t.Errorf("finding outside any function: %s", d.Message)
		},
	}
	newFacts().wire(pass)
	if _, err := analyzer.Analyzer.Run(pass); err != nil {
		t.Fatal(err)
	}
	for _, s := range shapes {
		want := 0
		if s.report {
			want = 2
		}
		if got[s.name] != want {
			t.Errorf("shape %s: %d findings, want %d (if the analyzer changed on purpose, update shapes in synth_test.go)", s.name, got[s.name], want)
		}
	}
	if n := runPass(t, analyzer.Analyzer, l, l.roots, nil); n != p.reported() {
		t.Errorf("runPass(portlint) = %d findings, want %d", n, p.reported())
	}
	before := visited.Load()
	if n := runPass(t, Noop, l, l.roots, nil); n != 0 {
		t.Errorf("runPass(noop) = %d findings, want 0", n)
	}
	if visited.Load() == before {
		t.Error("noop visited no node")
	}
}
