package driver

import (
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"
)

// Facts of dependencies.
//
// The driver loads the main module's packages from source and the rest
// from export data, so facts flow only between the main module's
// packages (load.go). go vet and golangci-lint pass facts from every
// package: a third-party library's wrapper of net.Listen is visible to
// them, not to the command. An analyzer can have the command compute the
// facts of the dependencies that matter to it, chosen by a filter
// (DepFacts): the driver then
//
//  1. selects, bottom-up, the packages outside the main module and the
//     standard library that import a package the analyzer names or a
//     package already selected, and that its filter accepts;
//  2. reads their facts from the cache (factcache.go) or, for those it
//     misses, loads them from source in one packages.Load, runs the
//     analyzer on them, discards their diagnostics and caches their facts;
//  3. runs the analyzer on the roots wrapped so that the pass's
//     ImportObjectFact and ImportPackageFact also answer from those facts
//     (wrap.go): the roots see the dependencies through export data, other
//     types.Objects than the facts were computed on, so the facts are
//     keyed by package path and objectpath.

// A DepFilter says whether the facts of a dependency are worth computing.
// It is called bottom-up (a package after the packages it imports) for
// the packages outside the main module and the standard library that
// import, directly, one of the packages DepFacts.Pkgs names or a package
// already selected: imports lists those, sorted. goFiles are the
// package's Go files (absolute names), which the filter may read. A
// package that imports none of them is never selected and its files are
// never read.
type DepFilter func(pkgPath string, imports []string, goFiles []string) bool

// DepFacts configures the facts of dependencies (see Options).
type DepFacts struct {
	// Pkgs are the packages whose importers may be selected: for an
	// analyzer of listen calls, the packages that declare them.
	Pkgs map[string]bool
	// Filter decides which candidates are selected; nil selects all.
	Filter DepFilter
}

// Options configure MainWith and RunWith.
type Options struct {
	// DepFacts, when set and the analyzer has facts, makes the facts of
	// the dependencies it selects visible to the packages analyzed.
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
}

// depStats are what computing the facts of dependencies did, by package
// path, for tests (depStatsHook) and PORTLINT_DEPFACTS=stats.
type depStats struct {
	filtered []string // the packages passed to the filter
	selected []string // the packages it accepted
	cached   []string // those whose facts came from the cache
	loaded   []string // those loaded from source
	facts    int      // the facts found, object and package
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

// A depPkg is a selected dependency.
type depPkg struct {
	pkg  *packages.Package
	deps []*depPkg // its selected direct imports
	// key is its cache key, "" if it cannot be cached.
	key string
}

// selectDeps returns the dependencies of roots that df selects, each
// after those it imports.
func selectDeps(roots []*packages.Package, df *DepFacts, stats *depStats) []*depPkg {
	isRoot := make(map[*packages.Package]bool, len(roots))
	for _, p := range roots {
		isRoot[p] = true
	}
	var selected []*depPkg
	byPath := make(map[string]*depPkg)
	seen := make(map[string]bool)
	packages.Visit(roots, nil, func(p *packages.Package) {
		if isRoot[p] || seen[p.PkgPath] || p.Module != nil && p.Module.Main || standard(p) {
			return
		}
		seen[p.PkgPath] = true
		var imports []string
		var deps []*depPkg
		for _, imp := range p.Imports {
			if dep := byPath[imp.PkgPath]; dep != nil {
				deps = append(deps, dep)
				imports = append(imports, imp.PkgPath)
			} else if df.Pkgs[imp.PkgPath] {
				imports = append(imports, imp.PkgPath)
			}
		}
		if len(imports) == 0 {
			return
		}
		slices.Sort(imports)
		imports = slices.Compact(imports)
		stats.filtered = append(stats.filtered, p.PkgPath)
		if df.Filter != nil && !df.Filter(p.PkgPath, imports, p.GoFiles) {
			return
		}
		slices.SortFunc(deps, func(x, y *depPkg) int { return strings.Compare(x.pkg.PkgPath, y.pkg.PkgPath) })
		d := &depPkg{pkg: p, deps: slices.Compact(deps)}
		byPath[p.PkgPath] = d
		selected = append(selected, d)
		stats.selected = append(stats.selected, p.PkgPath)
	})
	return selected
}

// standard reports whether p is in the standard library: a package
// outside any module whose path does not start with a domain name.
func standard(p *packages.Package) bool {
	if p.Module != nil {
		return false
	}
	first, _, _ := strings.Cut(p.PkgPath, "/")
	return !strings.Contains(first, ".")
}

// dependencyFacts computes the facts of the dependencies of roots that
// df selects, from the cache or from source, and returns them; nil if
// there are none. Failures cost only facts: a dependency that does not
// load or analyze contributes none, and a cache that does not work is
// not used.
func dependencyFacts(a *analysis.Analyzer, roots []*packages.Package, df *DepFacts, dir string, opts *options, stderr io.Writer) *factTable {
	enabled, printStats := depFactsEnabled()
	if !enabled {
		return nil
	}
	var stats depStats
	defer func() {
		if depStatsHook != nil {
			depStatsHook(stats)
		}
		if printStats {
			fmt.Fprintf(stderr, "%s: dependency facts: %d packages filtered, %d selected, %d from cache, %d loaded from source, %d facts\n",
				a.Name, len(stats.filtered), len(stats.selected), len(stats.cached), len(stats.loaded), stats.facts)
			if len(stats.selected) > 0 {
				fmt.Fprintf(stderr, "%s: selected: %s\n", a.Name, strings.Join(stats.selected, " "))
			}
		}
	}()
	selected := selectDeps(roots, df, &stats)
	if len(selected) == 0 {
		return nil
	}
	table := newFactTable(a)
	cache := openFactCache(a)
	var missing []*depPkg
	for _, d := range selected {
		if cache != nil {
			d.key = cache.key(d)
		}
		if entry, ok := cache.get(d.key); ok {
			table.add(d.pkg.PkgPath, entry)
			stats.cached = append(stats.cached, d.pkg.PkgPath)
			continue
		}
		missing = append(missing, d)
	}
	if len(missing) > 0 {
		computeFacts(a, missing, table, cache, dir, opts, &stats, stderr)
	}
	for _, set := range table.pkgs {
		stats.facts += len(set.objects) + len(set.packages)
	}
	if stats.facts == 0 {
		return nil
	}
	return table
}

// computeFacts loads the missing dependencies from source, in one
// packages.Load, runs a on them, and adds their facts to table and to the
// cache. They see the facts of the others in table through the wrapper.
func computeFacts(a *analysis.Analyzer, missing []*depPkg, table *factTable, cache *factCache, dir string, opts *options, stats *depStats, stderr io.Writer) {
	paths := make([]string, len(missing))
	keys := make(map[string]string, len(missing))
	for i, d := range missing {
		paths[i] = d.pkg.PkgPath
		keys[d.pkg.PkgPath] = d.key
	}
	cfg := loadConfig(dir, opts, packages.LoadSyntax|packages.NeedModule)
	cfg.Tests = false
	pkgs, err := packages.Load(cfg, paths...)
	if err != nil {
		fmt.Fprintf(stderr, "%s: warning: facts of dependencies: %v\n", a.Name, err)
		return
	}
	// Only the missing packages are loaded from source; the checker
	// must run the analyzer on nothing else.
	var loaded []*packages.Package
	for _, p := range pkgs {
		if _, ok := keys[p.PkgPath]; ok {
			loaded = append(loaded, p)
			stats.loaded = append(stats.loaded, p.PkgPath)
		}
	}
	keepRootImports(loaded)
	w := wrapAnalyzer(a, table, true)
	graph, err := checker.Analyze([]*analysis.Analyzer{w}, loaded, nil)
	if err != nil {
		fmt.Fprintf(stderr, "%s: warning: facts of dependencies: %v\n", a.Name, err)
		return
	}
	computed := make(map[string]*cacheEntry)
	for _, act := range graph.Roots {
		p := act.Package
		if act.Err != nil || len(p.Errors) > 0 {
			continue // no facts, and nothing cached: tried again next time
		}
		computed[p.PkgPath] = encodeFacts(act, table)
	}
	// The table is read by the checker's goroutines until Analyze
	// returns: add to it only now.
	for path, entry := range computed {
		table.add(path, entry)
		cache.put(keys[path], entry)
	}
}

// loadConfig returns the packages.Config of a load in dir with opts.
func loadConfig(dir string, opts *options, mode packages.LoadMode) *packages.Config {
	cfg := &packages.Config{Mode: mode, Dir: dir, Tests: opts.tests}
	if opts.tags != "" {
		cfg.BuildFlags = []string{"-tags=" + opts.tags}
	}
	return cfg
}
