package sites

import (
	"go/ast"
	"go/types"
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
		for _, k := range s.keys {
			if !slices.Contains(f.Ports, k) {
				f.Ports = append(f.Ports, k)
			}
		}
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
				FromFact: true, factPorts: fact.Ports, factBlocks: fact.Blocks, inTest: fs.test,
			})
		}
	}
}
