package sites

import (
	"go/ast"
	"go/types"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/types/typeutil"
	"slices"
	"strings"

	"github.com/portlint/portlint/internal/resolve"
)

// A command's servers are often started by helpers of other packages of
// its module (server.Run(), go metrics.Serve()). go vet analyzes a package
// before the packages that import it, so each package exports a
// serverFact for its exported functions that start servers, and a command
// judges a call of one as a server of its own: a candidate primary when
// called outside a goroutine while its server blocks, and a server that
// can collide with the command's others. The helper's own sites are still
// reported, and fixed, in its package.

// ServerFact says that a call of a function starts a server.
type ServerFact struct {
	Ports  []string // the ports it can take, as portKeys spells them
	Blocks bool     // the call serves until the server fails
}

func (*ServerFact) AFact() {}

func (f *ServerFact) String() string {
	s := "starts a server"
	if f.Blocks {
		s = "serves"
	}
	if len(f.Ports) > 0 {
		s += " on " + strings.Join(f.Ports, " or ")
	}
	return s
}

// exportServerFacts exports a serverFact for each exported function or
// method whose body holds listen sites.
func (c *checker) exportServerFacts(all []*Site) {
	facts := make(map[*types.Func]*ServerFact)
	var order []*types.Func
	for _, s := range all {
		decl := s.fn
		if s.FromFact || s.elsewhere || decl == nil || !decl.Name.IsExported() || strings.HasSuffix(c.pass.Fset.File(decl.Pos()).Name(), "_test.go") {
			continue // only another package's command can use the fact
		}
		fn, ok := c.pass.TypesInfo.Defs[decl.Name].(*types.Func)
		if !ok {
			continue
		}
		f := facts[fn]
		if f == nil {
			f = new(ServerFact)
			facts[fn] = f
			order = append(order, fn)
		}
		f.Blocks = f.Blocks || !s.inGo
		f.Ports = appendNew(f.Ports, s.keys...)
	}
	for _, fn := range order {
		c.pass.ExportObjectFact(fn, facts[fn])
	}
}

// factSites returns, in a command, a site for each call of another
// package's function that starts a server.
func (c *checker) factSites(files []*FileState) {
	sited := make(map[*ast.CallExpr]bool) // calls passing a sink its address are sites already
	for _, fs := range files {
		for _, s := range fs.Sites {
			if s.call != nil {
				sited[s.call] = true
			}
		}
	}
	for _, fs := range files {
		if fs.Skip {
			continue
		}
		for cur := range fs.FileCur.Preorder((*ast.CallExpr)(nil)) {
			call := cur.Node().(*ast.CallExpr)
			fn := resolve.CalleeFunc(c.pass.TypesInfo, call)
			if fn == nil || fn.Pkg() == nil || fn.Pkg() == c.pass.Pkg || c.rules.Pkgs[fn.Pkg().Path()] || sited[call] {
				continue // the rule set's packages (net, net/http, the frameworks) are sites already
			}
			var fact ServerFact
			if !c.pass.ImportObjectFact(fn, &fact) {
				continue
			}
			fs.Sites = append(fs.Sites, &Site{
				API: apiName(fn), Expr: call, call: call,
				FromFact: true, program: program{keys: fact.Ports, inGo: !fact.Blocks}, inTest: fs.test,
			})
		}
	}
}

// joinStarts makes a construction and the call that starts what it built
// one server. In s := api.New(api.Options{Port: 9100}); s.Run(), the
// value written is the site, and s.Run() says where that server starts
// and whether main waits on it: a call of another package's function
// that starts a server (a fact site, then no server of its own), or of
// one of this package's that holds the listen site reading the value. So
// it is where the construction is itself such a call:
// opts.Serve(opts.Opts{Port: …}). It returns the sites left.
func (c *checker) joinStarts(all []*Site) []*Site {
	type start struct {
		call   *ast.CallExpr
		blocks bool
		fact   *Site
	}
	starts := make(map[any]start) // by receiver (a variable, or a call) and by call
	add := func(call *ast.CallExpr, st start) {
		starts[call] = st
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
			starts[c.builtBy(ast.Unparen(sel.X))] = st
		}
	}
	for _, s := range all {
		switch {
		case s.FromFact:
			add(s.call, start{s.call, !s.inGo, s})
		case s.feedsSink && s.fn != nil:
			fn, _ := c.pass.TypesInfo.Defs[s.fn.Name].(*types.Func)
			for _, cur := range c.uses(s.fn.Name.Name) {
				if call, ok := cur.Node().(*ast.CallExpr); ok && fn != nil && typeutil.Callee(c.pass.TypesInfo, call) == fn {
					add(call, start{call, !c.serving.inGoStmt(*s), nil})
				}
			}
		}
	}
	delete(starts, nil)
	if len(starts) == 0 {
		return all
	}
	joined := make(map[*Site]bool)
	for _, s := range all {
		call := c.construction(s)
		if call == nil || !s.elsewhere || s.FromFact {
			continue
		}
		st, ok := starts[call]
		if !ok {
			st, ok = starts[c.builtBy(call)]
		}
		if !ok {
			continue
		}
		s.startedBy, s.elsewhere, s.inGo = st.call, false, s.inGo || !st.blocks
		s.start = c.serving.startOf(s)
		if d, ok := c.res.Decls.Decl(s.start.Node().Pos()); ok {
			s.fn, _ = d.Node().(*ast.FuncDecl)
		}
		joined[st.fact] = true
	}
	return slices.DeleteFunc(all, func(s *Site) bool { return joined[s] })
}

// construction returns the call that builds a site's server, which starts
// later: a sink's call (node.New("127.0.0.1", 7100)), or the call a
// literal writing a sink field is passed to (api.New(api.Options{…})).
func (c *checker) construction(s *Site) *ast.CallExpr {
	if s.call != nil {
		return s.call
	}
	cur := c.serving.cursor(s.Expr)
	if cur.ParentEdgeKind() != edge.KeyValueExpr_Value {
		return nil
	}
	return argOf(cur.Parent().Parent())
}

// builtBy returns what holds the value of e, a call or its receiver: the
// variable its one definition assigns it to (s := api.New(…)), or the
// call itself when a method is called on its result.
func (c *checker) builtBy(e ast.Expr) any {
	var v *types.Var
	switch e := e.(type) {
	case *ast.Ident:
		v, _ = c.pass.TypesInfo.Uses[e].(*types.Var)
	case *ast.CallExpr:
		if as, ok := c.serving.cursor(e).Parent().Node().(*ast.AssignStmt); !ok || len(as.Rhs) != 1 {
			return e
		}
		v = c.serving.resultVar(e)
	}
	if v == nil || len(c.res.Vars.Of(v).Defs[v]) != 1 {
		return nil
	}
	return v
}
