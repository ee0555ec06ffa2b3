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
	if len(candidates) == 0 {
		return // most modules: no walk
	}
	// The walk waits for a package to ask (resolve.Module): most runs
	// never do. Only a package that declares one, or imports a package
	// that does, can assign one: the others are not walked.
	m.Writes = func() map[string]bool {
		declaring := make(map[string]bool)
		for k := range candidates {
			declaring[k[:listenapi.LastDot(k)]] = true
		}
		// A function of the module handed a struct is in the walk's sight.
		inModule := func(p *types.Package) bool { return m.Pkgs[p.Path()] }
		written := make(map[string]bool)
		for i, p := range pkgs {
			mayAssign := declaring[p.PkgPath]
			for _, imp := range p.Imports {
				mayAssign = mayAssign || declaring[imp.PkgPath]
			}
			if p.TypesInfo == nil || !mayAssign {
				continue
			}
			keep := func(k string) bool { return candidates[k] }
			for _, k := range resolve.AssignedExported(p.Types, p.TypesInfo, files[i], keep, inModule) {
				written[k] = true
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
