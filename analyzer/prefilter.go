package analyzer

import (
	"go/ast"
	"slices"

	"github.com/portlint/portlint/internal/listenapi"
	"github.com/portlint/portlint/internal/sites"
	"golang.org/x/tools/go/analysis"
)

// mentionsSites reports whether any file of a package that can listen (or
// read the environment) names what a site needs: a listen, implicit or
// sink function, another package's function that starts a server, a
// server's or a sink's address field, or (readsEnv) an environment
// reader. sinks is nil in a package that cannot listen, where only an
// environment reader counts. It walks the syntax once without
// allocating, so that the many packages that import net/http only to
// serve or call (every handler package) skip the inspector and the pass.
func mentionsSites(files []*ast.File, rules *listenapi.RuleSet, sinks *sites.SinkState, readsEnv bool) bool {
	found := false
	// Where nothing can listen, the pass records environment reads only:
	// a listen API's generic name (New, Run, Start) or an address field
	// does not count there.
	listens := sinks != nil
	field := func(name string) bool {
		return listens && (rules.FieldNames[name] || sinks.FieldNames[name])
	}
	visit := func(n ast.Node) bool {
		if found {
			return false
		}
		switch n := n.(type) {
		case *ast.CallExpr:
			name := sites.CalledName(n)
			found = readsEnv && rules.EnvNames[name] ||
				listens && (rules.Names[name] || sinks.FuncNames[name] || sinks.ServerNames[name])
		case *ast.KeyValueExpr:
			id, ok := n.Key.(*ast.Ident)
			found = ok && field(id.Name)
		case *ast.AssignStmt:
			found = slices.ContainsFunc(n.Lhs, func(lhs ast.Expr) bool {
				sel, ok := ast.Unparen(lhs).(*ast.SelectorExpr)
				return ok && field(sel.Sel.Name)
			})
		}
		return !found
	}
	for _, f := range files {
		ast.Inspect(f, visit)
		if found {
			return true
		}
	}
	return false
}

// checkedFiles returns the files the pass checks: pass.Files, without
// the _test.go files unless cfg.IncludeTests.
func checkedFiles(pass *analysis.Pass, cfg *Config) []*ast.File {
	if cfg.IncludeTests {
		return pass.Files
	}
	return slices.DeleteFunc(slices.Clone(pass.Files), func(f *ast.File) bool { return sites.IsTestFile(pass, f) })
}
