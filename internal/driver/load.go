package driver

import (
	"fmt"
	"slices"
	"strings"

	"golang.org/x/tools/go/packages"
)

// load loads the packages named by patterns from source and their
// dependencies' types from export data (packages.LoadSyntax), which is
// all an analyzer without facts needs.
//
// An analyzer with facts also needs, from source, the packages whose
// facts it may use. Those are the main module's (and workspace's): a
// helper such as config.Addr() in the user's own code. Packages of other
// modules and of the standard library stay export data and contribute no
// facts here; type-checking them from source, as singlechecker does,
// would cost far more than the analysis (Options.DepFacts computes those
// of the few dependencies an analyzer selects: depfacts.go). When the
// patterns name only part of the main module (portlint ./cmd/server
// importing ./internal/config), the packages they import from it are
// added and everything is loaded once more, so that the graph holds one
// set of types.
//
// load returns the packages the patterns named, and all those loaded as
// roots (the added ones too, reachable from the named through Imports).
func load(dir string, patterns []string, opts *options, facts bool) (named, roots []*packages.Package, err error) {
	mode := packages.LoadSyntax | packages.NeedModule
	if facts && opts.deps != nil {
		// The cache keys of dependency facts name the imports by their
		// export data, which the load computes anyway.
		mode |= packages.NeedExportFile
	}
	cfg := loadConfig(dir, opts, mode)
	named, err = packages.Load(cfg, patterns...)
	if err == nil && len(named) == 0 {
		err = fmt.Errorf("%s matched no packages", strings.Join(patterns, " "))
	}
	if err != nil || !facts {
		return named, named, err
	}
	extra := unnamedMainModuleDeps(named)
	if len(extra) == 0 {
		return named, named, nil
	}
	if namesFiles(patterns) {
		// go list cannot mix files (portlint main.go) with packages:
		// load everything from source instead, as singlechecker does,
		// and let the main module's packages pass their facts.
		cfg.Mode = packages.LoadAllSyntax | packages.NeedModule
		if named, err = packages.Load(cfg, patterns...); err != nil {
			return nil, nil, err
		}
		roots = slices.Clone(named)
		packages.Visit(named, nil, func(p *packages.Package) {
			if p.Module != nil && p.Module.Main && !slices.Contains(roots, p) {
				roots = append(roots, p)
			}
		})
		return named, roots, nil
	}
	all, err := packages.Load(cfg, append(slices.Clone(patterns), extra...)...)
	if err != nil {
		return nil, nil, err
	}
	ids := make(map[string]bool, len(named))
	for _, p := range named {
		ids[p.ID] = true
	}
	named = nil
	for _, p := range all {
		if ids[p.ID] {
			named = append(named, p)
		}
	}
	return named, all, nil
}

// Load loads patterns in dir without tests, as Run does for an analyzer
// with facts or without, and with facts keeps the imports as Run does:
// packages.Visit of the result walks the packages the checker runs such
// an analyzer on, dependencies first. For benchmarks.
func Load(dir string, patterns []string, facts bool) ([]*packages.Package, error) {
	named, roots, err := load(dir, patterns, &options{}, facts)
	if err == nil && facts {
		keepRootImports(roots)
	}
	return named, err
}

func namesFiles(patterns []string) bool {
	for _, p := range patterns {
		if strings.HasSuffix(p, ".go") {
			return true
		}
	}
	return false
}

// unnamedMainModuleDeps returns the paths of the main-module packages
// that roots import, directly or not, without being among them. A
// variant of a root recompiled for another's tests (q [p.test]) is not
// one: q is named.
func unnamedMainModuleDeps(roots []*packages.Package) []string {
	isRoot := make(map[string]bool, len(roots))
	for _, p := range roots {
		isRoot[p.PkgPath] = true
	}
	var paths []string
	seen := make(map[string]bool)
	packages.Visit(roots, nil, func(p *packages.Package) {
		if !isRoot[p.PkgPath] && p.Module != nil && p.Module.Main && !seen[p.PkgPath] {
			seen[p.PkgPath] = true
			paths = append(paths, p.PkgPath)
		}
	})
	slices.Sort(paths)
	return paths
}

// ownPackages drops from pkgs those loaded for the tests of one of them:
// its test variant (p [p.test]), its external tests (p_test [p.test]),
// and their main (p.test).
func ownPackages(pkgs []*packages.Package) []*packages.Package {
	loaded := make(map[string]bool, len(pkgs))
	for _, p := range pkgs {
		loaded[p.ID] = true
	}
	return slices.DeleteFunc(slices.Clone(pkgs), func(p *packages.Package) bool {
		path, variant := strings.CutSuffix(p.ID, ".test]")
		if i := strings.LastIndex(path, " ["); variant && i >= 0 {
			return loaded[path[i+2:]]
		}
		return p.Name == "main" && loaded[strings.TrimSuffix(p.ID, ".test")] && strings.HasSuffix(p.ID, ".test")
	})
}

// keepRootImports drops from the roots' imports every package that is
// not a root. The checker runs an analyzer with facts on each import, and
// facts are to flow only between the packages loaded as roots: the others
// are read from export data or, lacking it, type-checked from source (a
// dependency recompiled for a package's tests), and analyzing those would
// cost more than it finds. Their types are complete without the edges.
func keepRootImports(roots []*packages.Package) {
	in := make(map[*packages.Package]bool, len(roots))
	for _, p := range roots {
		in[p] = true
	}
	for _, p := range roots {
		for path, dep := range p.Imports {
			if !in[dep] {
				delete(p.Imports, path)
			}
		}
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
