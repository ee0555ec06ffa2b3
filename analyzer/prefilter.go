package analyzer

import (
	"go/ast"
	"go/types"
	"slices"
	"strconv"
	"strings"

	"github.com/portlint/portlint/internal/listenapi"
	"github.com/portlint/portlint/internal/sites"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"
)

// siteNames says which names in a package's syntax can make a site: the
// names of the rules whose package the package can see, and whether a
// call written with a bare identifier can be one.
type siteNames struct {
	rules *listenapi.RuleSet
	pass  *analysis.Pass
	// visible are the packages of rules that the package or its imports
	// (through the packages their APIs mention) are: gin's Run or hertz's
	// New count only where gin or hertz can be seen.
	visible map[string]bool
	// env is the variable the platform passes the port in: a read of
	// another is no site (a misspelling of it is).
	env string
}

// newSiteNames finds the packages of the rules that the package sees:
// only a package that sees one can mention a listen API's types.
func newSiteNames(pass *analysis.Pass, rules *listenapi.RuleSet, env string) *siteNames {
	n := &siteNames{rules: rules, pass: pass, env: env, visible: make(map[string]bool)}
	seen := make(map[*types.Package]bool)
	var visit func(p *types.Package)
	visit = func(p *types.Package) {
		if seen[p] {
			return
		}
		seen[p] = true
		if rules.Pkgs[p.Path()] {
			n.visible[p.Path()] = true
		}
		for _, imp := range p.Imports() {
			visit(imp)
		}
	}
	visit(pass.Pkg)
	return n
}

func (n *siteNames) call(name string) bool  { return n.any(n.rules.Index().Calls[name]) }
func (n *siteNames) field(name string) bool { return n.any(n.rules.Index().Fields[name]) }

// any reports whether the package sees one of pkgs (found only then).
func (n *siteNames) any(pkgs []string) bool {
	return slices.ContainsFunc(pkgs, func(p string) bool { return n.visible[p] })
}

// mentionsSites reports whether the files name what a site needs: a
// listen, implicit or sink function, another package's function that
// starts a server, a server's or a sink's address field, or (readsEnv) an
// environment reader; sinks is nil where nothing can listen. It walks the
// syntax once without allocating, so that the many packages importing
// net/http only to serve or call skip the inspector and the pass.
//
// A rule's name counts only where its package can be seen, and a listen
// name only in a call of a method or of another package's function (a
// bare name calls the package's own function, a parameter or a local),
// unless the file dot-imports or the package is a rule's. A read of the
// environment counts only if it may read the port's variable: the others
// only name variables a fix must not take, where there are sites.
func mentionsSites(files []*ast.File, names *siteNames, sinks *sites.SinkState, readsEnv bool) bool {
	// Where nothing can listen, the pass records environment reads only:
	// a listen API's generic name (New, Run, Start) or an address field
	// does not count there.
	listens := sinks != nil
	field := func(name string) bool {
		return listens && (names.field(name) || sinks.FieldNames[name])
	}
	for _, f := range files {
		bareCalls := names.rules.Pkgs[names.pass.Pkg.Path()] || dotImports(f)
		for n := range ast.Preorder(f) {
			found := false
			switch n := n.(type) {
			case *ast.CallExpr:
				name := sites.CalledName(n)
				_, bare := ast.Unparen(n.Fun).(*ast.Ident)
				found = readsEnv && names.rules.EnvNames[name] && names.envMayMatter(n) ||
					listens && (!bare || bareCalls) && (names.call(name) || sinks.FuncNames[name] || sinks.ServerNames[name]) && names.listenCallee(n)
			case *ast.KeyValueExpr:
				id, ok := n.Key.(*ast.Ident)
				found = ok && field(id.Name)
			case *ast.AssignStmt:
				found = slices.ContainsFunc(n.Lhs, func(lhs ast.Expr) bool {
					sel, ok := ast.Unparen(lhs).(*ast.SelectorExpr)
					return ok && field(sel.Sel.Name)
				})
			}
			if found {
				return true
			}
		}
	}
	return false
}

// envMayMatter reports whether call, of an environment reader, may read
// the port's variable in some letter case (report/envname.go): a reader
// of the rules whose argument is a constant equal to it but for case, as
// sites.envRead records reads.
func (n *siteNames) envMayMatter(call *ast.CallExpr) bool {
	_, name, ok := sites.EnvReadOf(n.pass.TypesInfo, n.rules, call)
	return ok && strings.EqualFold(name, n.env)
}

// listenCallee reports whether call, which a name made a candidate, may
// be a site as sites.(*checker).call would make one: its callee is a
// listen function of the rules, or another package's function with a
// sink fact, or with a server fact in a command.
func (n *siteNames) listenCallee(call *ast.CallExpr) bool {
	fn, ok := typeutil.Callee(n.pass.TypesInfo, call).(*types.Func)
	if !ok || fn.Pkg() == nil {
		return false // a builtin, a conversion, or a function value (a relay alone makes no site)
	}
	if call, implicit := n.rules.RuleOf(fn); call != nil || implicit != nil {
		return true
	}
	if fn.Pkg() == n.pass.Pkg {
		return false
	}
	var sink sites.SinkFact
	var server sites.ServerFact
	return n.pass.ImportObjectFact(fn, &sink) || n.pass.Pkg.Name() == "main" && n.pass.ImportObjectFact(fn, &server)
}

// dotImports reports whether f imports a package with a dot: its
// functions are then called by their bare names.
func dotImports(f *ast.File) bool {
	return slices.ContainsFunc(f.Imports, func(spec *ast.ImportSpec) bool {
		path, err := strconv.Unquote(spec.Path.Value)
		return spec.Name != nil && spec.Name.Name == "." && err == nil && path != ""
	})
}

// checkedFiles returns the files the pass checks: pass.Files, without
// the _test.go files unless cfg.IncludeTests.
func checkedFiles(pass *analysis.Pass, cfg *Config) []*ast.File {
	if cfg.IncludeTests {
		return pass.Files
	}
	return slices.DeleteFunc(slices.Clone(pass.Files), func(f *ast.File) bool { return sites.IsTestFile(pass, f) })
}
