package analyzer

import (
	"go/ast"
	"go/types"
	"strings"

	"github.com/portlint/portlint/internal/listenapi"
	"github.com/portlint/portlint/internal/resolve"
	"golang.org/x/tools/go/packages"
)

// UseModule gives Analyzer the view portlint's driver has of the main
// module: its packages loaded from source and whether they are the whole
// module. An exported package variable, or an exported field, that no
// other package of the module writes outside its tests then holds what
// its own package gives it in any package of an application (a module
// with a command), or of an internal package; go vet sees only a
// command's whole program.
func UseModule(pkgs []*packages.Package, whole bool) {
	m := &resolve.Module{Whole: whole, Pkgs: make(map[string]bool), Written: make(map[string]bool)}
	flagConfig.module = m
	files := make([][]*ast.File, len(pkgs))
	candidates := make(map[string]bool)
	for i, p := range pkgs {
		m.Pkgs[p.PkgPath] = true
		m.Commands = m.Commands || p.Name == "main"
		if p.TypesInfo == nil {
			continue
		}
		for _, f := range p.Syntax {
			// FileStart, not Pos: a file that does not parse may have no
			// package clause.
			if tf := p.Fset.File(f.FileStart); tf == nil || !strings.HasSuffix(tf.Name(), "_test.go") {
				files[i] = append(files[i], f)
			}
		}
		for _, k := range resolve.AddressVars(p.TypesInfo, files[i]) {
			candidates[k] = true
		}
	}
	for typ := range listenapi.DefaultRules.Fields { // a library may hand out an http.Server
		candidates[typ] = true
	}
	m.Kept = candidates
	// The walk waits for a package to ask (resolve.Module): most runs
	// never do. Every package is walked: one can write a field of a
	// struct another package handed it without importing the type's.
	m.Writes = func() map[string][]string {
		// A function of the module handed a struct is in the walk's sight.
		inModule := func(p *types.Package) bool { return m.Pkgs[p.Path()] }
		written := make(map[string][]string)
		for i, p := range pkgs {
			if p.TypesInfo == nil {
				continue
			}
			keep := func(k string) bool { return candidates[k] }
			for _, k := range resolve.AssignedExported(p.Types, p.TypesInfo, files[i], keep, inModule) {
				written[k] = append(written[k], p.PkgPath)
			}
		}
		return written
	}
}

// SeesModule reports whether Analyzer has the driver's view (UseModule).
func SeesModule() bool { return flagConfig.module != nil }

// ChecksTests reports whether Analyzer checks _test.go files
// (-include-tests). Without, a test variant's pass (p [p.test]) only
// repeats its package's, and the external tests' check nothing.
func ChecksTests() bool { return flagConfig.IncludeTests }

// FactsOnly makes Analyzer compute only its facts: go vet runs it on a
// dependency of the packages it checks for its facts alone (a vet config
// with VetxOnly) and drops its diagnostics, so the reads of the
// environment and the reports, which make nothing else, are skipped.
func FactsOnly() { flagConfig.factsOnly = true }
