package sites

import (
	"cmp"
	"go/ast"
	"slices"

	"github.com/portlint/portlint/internal/listenapi"
	"github.com/portlint/portlint/internal/resolve"
	"golang.org/x/tools/go/analysis"
)

// Package is what Find found in a package: its files checked, each with
// its judged sites, and the index of its declarations.
type Package struct {
	Files []*FileState
	Decls *resolve.DeclCursors
}

// Scope is what Find is given besides the pass.
type Scope struct {
	Env          string // the variable the platform passes the port in
	Rules        *listenapi.RuleSet
	Sinks        *SinkState        // the package's and imported sinks; nil if it cannot listen
	Exported     *resolve.Exported // exported variables holding only their initial value
	IncludeTests bool              // check _test.go files too
	Listens      bool              // the package can listen at all
	ReadsEnv     bool              // the package reads the environment
	Syntax       resolve.Syntax    // the package's inspectors
}

// Find records the listen sites of the package's files, learns the sinks
// they show, and judges them as a program (judge).
func Find(pass *analysis.Pass, scope Scope) *Package {
	rules, listens, readsEnv := scope.Rules, scope.Listens, scope.ReadsEnv
	res := resolve.NewResolver(pass, scope.Syntax, rules, scope.Exported)
	sv := &serving{info: pass.TypesInfo, pkg: pass.Pkg, rules: rules, decls: res.Decls, vars: res.Vars, syn: scope.Syntax}
	c := &checker{learner: &learner{pass: pass, rules: rules, res: res, serving: sv, sinks: scope.Sinks}, env: scope.Env}
	filter := []ast.Node{(*ast.CallExpr)(nil)}
	if listens {
		filter = append(filter, (*ast.CompositeLit)(nil), (*ast.AssignStmt)(nil))
	}
	// Every file is known before the walk: a sink learned in one finds its
	// uses in those not walked yet too (miekg/dns listens in a file before
	// its Server's).
	for fileCur := range scope.Syntax.Preorder((*ast.File)(nil)) {
		file := fileCur.Node().(*ast.File)
		if scope.IncludeTests || !IsTestFile(pass, file) {
			c.files = append(c.files, &FileState{File: file, FileCur: fileCur, test: IsTestFile(pass, file)})
		}
	}
	for _, fs := range c.files {
		// os.Getenv needs an import of os in the file itself, while a
		// server's methods can be called without importing its package.
		fileReadsEnv := readsEnv && fileImports(fs.File, rules.EnvPkgs)
		if fs.Skip = !listens && !fileReadsEnv; fs.Skip {
			continue
		}
		c.FileState = fs
		for cur := range fs.FileCur.Preorder(filter...) {
			switch n := cur.Node().(type) {
			case *ast.CallExpr:
				// Reject by the name the call is written with before any
				// type lookup: almost no call is a listener.
				name := CalledName(n)
				if listens && (rules.Index().Calls[name] != nil || c.sinks.FuncNames[name]) {
					c.call(cur, n)
				}
				if fileReadsEnv && rules.EnvNames[name] {
					c.envRead(cur, n)
				}
			case *ast.CompositeLit:
				c.compositeLit(cur, n)
			case *ast.AssignStmt:
				c.assign(cur, n)
			}
		}
	}
	if listens {
		c.followRelays()
		c.dropJudged()
	}
	for _, fs := range c.files {
		// Sites found through sinks were recorded when it was learned.
		slices.SortStableFunc(fs.Sites, func(a, b *Site) int { return cmp.Compare(a.Expr.Pos(), b.Expr.Pos()) })
	}
	c.judge(c.files)
	if listens {
		c.exportSinkFacts()
	}
	return &Package{Files: c.files, Decls: c.res.Decls}
}
