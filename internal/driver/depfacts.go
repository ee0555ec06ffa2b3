package driver

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"io"
	"math"
	"os"
	"runtime/debug"
	"runtime/metrics"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"
)

// Facts of dependencies.
//
// The driver loads the main module's packages from source and the rest
// from export data, so facts flow only between the main module's
// packages (load.go). go vet and golangci-lint pass facts from every
// package: a third-party library's wrapper of net.Listen is visible to
// them, not to the command. An analyzer can have the command compute the
// facts of the dependencies that matter to it (DepFacts). A dependency's
// facts are computed only where a package checked can read one that
// matters: the driver
//
//  1. takes as candidates, bottom-up, the packages outside the main
//     module and the standard library that import a package the
//     analyzer names or another candidate;
//  2. asks the analyzer, for each object of a candidate that a checked
//     package uses (its types.Info.Uses), whether it wants the
//     candidate's facts (DepWants), given what a scan of the candidate's
//     files found (DepScan, cached: most candidates are read once and
//     never parsed again);
//  3. reads the facts of each wanted candidate from the cache
//     (factcache.go) or computes them: it parses and type-checks the
//     candidate from source against its imports' export data (deptypes.go),
//     asks the same question of the objects it uses, computes the facts
//     of those it wants first, runs the analyzer on it, discards its
//     diagnostics, caches its facts and drops its syntax;
//  4. runs the analyzer on the checked packages wrapped so that the
//     pass's ImportObjectFact and ImportPackageFact also answer from
//     those facts (wrap.go): the checked packages see the dependencies
//     through export data, other types.Objects than the facts were
//     computed on, so the facts are keyed by package path and objectpath.
//
// A dependency's facts depend only on its files and those of the
// packages it imports (its cache key), whatever the command checks: a
// dependency is analyzed seeing only the facts of the candidates it wants
// itself.

// A DepScan reads the files of a candidate (goFiles, absolute names: the
// files its analysis would see) before anything type-checks it, and
// returns the names of its declarations that may get facts from what
// they do, rather than from what they are, in the analyzer's own
// spelling. imports maps the paths of its direct imports to their
// package names; sees reports whether it imports a package of
// DepFacts.Pkgs, directly or not; scanned returns what the scan of a
// candidate it imports directly returned (nil for another import);
// below holds what the scans of the candidates it imports, directly or
// not, returned. Its result is cached with the candidate.
type DepScan func(pkgPath string, goFiles []string, imports map[string]string, sees func(path string) bool, scanned func(path string) map[string]bool, below map[string]bool) []string

// A DepWants reports whether user, a package whose files name obj at id,
// an object of a candidate whose scan returns names, may read a fact of
// it that matters there; fset holds their positions, goFiles are the
// candidate's files. It is asked of each use until it says yes. A
// candidate is scanned (with those below it) only once names is called:
// most uses are decided by their types.
type DepWants func(fset *token.FileSet, user *types.Package, files []*ast.File, id *ast.Ident, obj types.Object, goFiles []string, names func() map[string]bool) bool

// DepFacts configures the facts of dependencies (see Options).
type DepFacts struct {
	// Pkgs are the packages whose importers are candidates: for an
	// analyzer of listen calls, the packages that declare them.
	Pkgs map[string]bool
	// Scan and Wants decide which candidates' facts are computed; a
	// nil Scan returns no names, a nil Wants wants every candidate used.
	Scan  DepScan
	Wants DepWants
}

// Options configure MainWith and RunWith.
type Options struct {
	// DepFacts, when set and the analyzer has facts, makes the facts of
	// the dependencies it wants visible to the packages analyzed.
	// Without it, as with Main and Run, facts flow only between the main
	// module's packages.
	//
	// The facts are cached on disk, in $PORTLINT_CACHE, or
	// portlint under os.UserCacheDir when it is unset; PORTLINT_CACHE=off
	// disables the cache. Nothing is ever removed from it: the directory
	// can be deleted at any time. PORTLINT_DEPFACTS=0 disables dependency
	// facts, and PORTLINT_DEPFACTS=stats prints what they cost on stderr
	// (both for measurements).
	DepFacts *DepFacts
	// Module, when set, is given the main module's packages loaded from
	// source, before any is analyzed, and whether the patterns named
	// the whole of each main module they come from (module.go).
	Module func(pkgs []*packages.Package, whole bool)
	// VetxOnly, when set, is called before go vet runs the analyzer on
	// a package for its facts alone (a dependency of those it checks,
	// whose diagnostics it drops).
	VetxOnly func()
	// ChecksTests, when set and false, says the analyzer checks no
	// _test.go file: the command does not run it on the packages loaded
	// for tests (p [p.test], p_test, p.test) beside their package.
	ChecksTests func() bool
}

// depStats are what computing the facts of dependencies did, by package
// path, for tests (depStatsHook) and PORTLINT_DEPFACTS=stats.
type depStats struct {
	candidates int      // the candidates
	used       int      // those the checked packages use
	scanned    []string // those whose files were scanned (not cached)
	wanted     []string // those whose facts were wanted, each after those it wants
	cached     []string // those whose facts came from the cache
	loaded     []string // those loaded from source
	facts      int      // the facts found, object and package
}

// depStatsHook, if set, receives the stats of each run (for tests).
var depStatsHook func(depStats)

// depFactsEnabled reads PORTLINT_DEPFACTS: whether to compute the facts
// of dependencies, and whether to print stats.
func depFactsEnabled() (enabled, stats bool) {
	switch v := os.Getenv("PORTLINT_DEPFACTS"); strings.ToLower(v) {
	case "0", "off", "false", "no":
		return false, false
	case "stats":
		return true, true
	}
	return true, false
}

// A candidate is a dependency whose facts may be wanted.
type candidate struct {
	pkg     *packages.Package
	imports []*candidate    // the candidates it imports, by path
	sees    map[string]bool // the packages of DepFacts.Pkgs it imports, directly or not

	key     string // its cache key, "" if it cannot be cached
	keyed   bool
	names   map[string]bool // what DepScan returned
	scanned bool
	index   int      // its place in the candidates, bottom-up
	below   []uint64 // a set of indexes: the candidates it imports, directly or not

	state candidateState
	// wants are the candidates whose facts its analysis reads, once it
	// is type-checked.
	wants []*candidate
}

type candidateState uint8

const (
	fresh candidateState = iota
	computing
	done
)

// standard reports whether p is in the standard library: a package
// outside any module whose path does not start with a domain name.
func standard(p *packages.Package) bool {
	if p.Module != nil {
		return false
	}
	first, _, _ := strings.Cut(p.PkgPath, "/")
	return !strings.Contains(first, ".")
}

// candidates returns the candidates among the dependencies of roots, by
// package path.
func candidates(roots []*packages.Package, df *DepFacts) (map[string]*candidate, []*candidate) {
	isRoot := make(map[*packages.Package]bool, len(roots))
	for _, p := range roots {
		isRoot[p] = true
	}
	cands := make(map[string]*candidate)
	var order []*candidate // bottom-up
	sees := make(map[*packages.Package]map[string]bool)
	packages.Visit(roots, nil, func(p *packages.Package) {
		// Visit is postorder: the imports' sets are known.
		var s map[string]bool
		for _, imp := range p.Imports {
			for path := range sees[imp] {
				if s == nil {
					s = make(map[string]bool)
				}
				s[path] = true
			}
		}
		if df.Pkgs[p.PkgPath] {
			if s == nil {
				s = make(map[string]bool)
			}
			s[p.PkgPath] = true
		}
		sees[p] = s
		if isRoot[p] || cands[p.PkgPath] != nil || p.Module != nil && p.Module.Main || standard(p) {
			return
		}
		c := &candidate{pkg: p, sees: s}
		isCand := false
		for _, imp := range p.Imports {
			if dep := cands[imp.PkgPath]; dep != nil {
				c.imports = append(c.imports, dep)
				isCand = true
			}
			isCand = isCand || df.Pkgs[imp.PkgPath]
		}
		if isCand {
			slices.SortFunc(c.imports, func(x, y *candidate) int { return strings.Compare(x.pkg.PkgPath, y.pkg.PkgPath) })
			c.imports = slices.Compact(c.imports)
			c.index = len(cands)
			cands[p.PkgPath] = c
			order = append(order, c)
		}
	})
	// The candidates below each, as sets of indexes.
	words := (len(order) + 63) / 64
	for _, c := range order {
		c.below = make([]uint64, words)
		for _, imp := range c.imports {
			c.below[imp.index/64] |= 1 << (imp.index % 64)
			for i, w := range imp.below {
				c.below[i] |= w
			}
		}
	}
	return cands, order
}

// dependencyFacts computes the facts of the dependencies of roots that
// the packages of roots want, from the cache or from source, and returns
// them; nil if there are none. module says whether the analyzer has the
// driver's view of the module (Options.Module), which DepWants may ask.
// Once the cache misses it pauses the garbage collector (pauseGC), and
// resumeGC, to be called once the passes are done, resumes it. Failures cost only facts: a dependency
// that does not type-check or analyze contributes none, and a cache that
// does not work is not used.
func dependencyFacts(a *analysis.Analyzer, roots []*packages.Package, df *DepFacts, module bool, stderr io.Writer) (table *factTable, resumeGC func()) {
	resumeGC = func() {}
	enabled, printStats := depFactsEnabled()
	if !enabled {
		return nil, resumeGC
	}
	g := &depGraph{a: a, df: df, table: newFactTable(a), stderr: stderr}
	defer func() {
		if depStatsHook != nil {
			depStatsHook(g.stats)
		}
		if printStats {
			s := g.stats
			fmt.Fprintf(stderr, "%s: dependency facts: %d candidates, %d used, %d scanned, %d wanted, %d from cache, %d loaded from source, %d facts\n",
				a.Name, s.candidates, s.used, len(s.scanned), len(s.wanted), len(s.cached), len(s.loaded), s.facts)
			if len(s.wanted) > 0 {
				fmt.Fprintf(stderr, "%s: wanted: %s\n", a.Name, strings.Join(s.wanted, " "))
			}
		}
	}()
	g.cands, g.order = candidates(roots, df)
	g.stats.candidates = len(g.cands)
	if len(g.cands) == 0 {
		return nil, resumeGC
	}
	defer func() {
		if g.resumeGC != nil {
			resumeGC = g.resumeGC
		}
	}()
	g.cache = openFactCache(a)
	g.cache.useScanIndex(mainModule(roots))
	defer g.cache.flushScans()
	used := make(map[*candidate]bool)
	// The packages analyzed see the facts of the candidates they want,
	// not those computed for the candidates' own sake: what they see is
	// the same whether the cache held them or not.
	view := newFactTable(a)
	for _, p := range roots {
		if p.TypesInfo != nil {
			for _, c := range g.rootWants(p, module, used) {
				g.ensure(c)
				if set := g.table.pkgs[c.pkg.PkgPath]; set != nil {
					view.pkgs[c.pkg.PkgPath] = set
				}
			}
		}
	}
	g.stats.used = len(used)
	for _, set := range view.pkgs {
		g.stats.facts += len(set.objects) + len(set.packages)
	}
	if g.stats.facts == 0 {
		return nil, resumeGC
	}
	return view, resumeGC
}

// mainModule names the module of roots, for the scan index: its go.mod,
// or the working directory outside a module.
func mainModule(roots []*packages.Package) string {
	for _, p := range roots {
		if p.Module != nil && p.Module.Main {
			return p.Module.GoMod
		}
	}
	dir, _ := os.Getwd()
	return dir
}

// pauseGC holds off the garbage collector until the function it returns
// is called, unless the process outgrows twice what it holds now (and
// at least 512 MiB more). What computing dependencies' facts allocates
// (their files read and parsed, the export data of their imports) is
// short-lived, while a collection would mark all the loaded program: on
// prometheus one costs 0.4 s of CPU, a fifth of a cold run's extra. The
// driver pauses it once the cache misses (a cold run) until the passes
// are done, so that one does not follow right after either.
func pauseGC() func() {
	sample := []metrics.Sample{{Name: "/memory/classes/total:bytes"}}
	metrics.Read(sample)
	if sample[0].Value.Kind() != metrics.KindUint64 {
		return func() {}
	}
	total := int64(sample[0].Value.Uint64())
	limit := debug.SetMemoryLimit(-1)
	if limit != math.MaxInt64 {
		return func() {} // the user set one: theirs to keep
	}
	debug.SetMemoryLimit(max(2*total, total+512<<20))
	percent := debug.SetGCPercent(-1)
	return func() {
		debug.SetGCPercent(percent)
		debug.SetMemoryLimit(limit)
	}
}
