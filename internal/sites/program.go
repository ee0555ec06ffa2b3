package sites

import (
	"go/ast"
	"go/types"
	"slices"
	"strings"

	"github.com/portlint/portlint/internal/addrval"
	"github.com/portlint/portlint/internal/portplan"
	"github.com/portlint/portlint/internal/resolve"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"
)

// program is what the judgement of the whole package says of one site:
// judge describes each site's server as plain data, and internal/portplan
// decides the primary, each secondary's variable and the collisions.
type program struct {
	Rank    portplan.Rank
	Env     string // secondary: the variable its fix reads
	Primary *Site  // secondary: the program's first primary
	Clash   *Site  // an earlier server that can hold the same port
	ClashOn string // what they share: "port 8080", "$PORT"
	start   inspector.Cursor
	fn      *ast.FuncDecl // the function declaration holding start, or nil
	inGo    bool          // started in a goroutine
	keys    []string      // the ports it can take (portKeys)
}

// record keeps a site with the file holding it (any, for a sink's); one
// in a file not checked (a test) is dropped.
func (lr *learner) record(s Site) {
	pos := s.Expr.Pos()
	fs := lr.lastFile
	if fs == nil || pos < fs.File.FileStart || pos > fs.File.FileEnd {
		i := slices.IndexFunc(lr.files, func(fs *FileState) bool { return fs.File.FileStart <= pos && pos <= fs.File.FileEnd })
		if i < 0 {
			return
		}
		fs = lr.files[i]
		lr.lastFile = fs
	}
	s.inTest = fs.test
	fs.Sites = append(fs.Sites, &s)
}

// judge plans the sites of all files as one program (a library's, per
// function) and finds collisions.
func (c *checker) judge(files []*FileState) {
	command := c.pass.Pkg.Name() == "main"
	if command {
		c.factSites(files)
	}
	var all []*Site
	for _, fs := range files {
		all = append(all, fs.Sites...)
	}
	if len(all) == 0 {
		return
	}
	for _, s := range all {
		c.place(s)
		s.keys = c.serving.portKeys(s)
	}
	if command {
		all = c.joinStarts(all)
	}
	c.serving.indexGoCalls(all)
	servers := make([]portplan.Server, len(all))
	for i, s := range all {
		// A server started later by a call not placed runs in the background.
		s.inGo = s.inGo || c.serving.inGoroutine(s.start) || s.elsewhere
		servers[i] = c.serving.planned(s)
	}
	var taken []string
	for _, fs := range files {
		for _, r := range fs.EnvReads {
			taken = append(taken, r.Name)
		}
	}
	roles := portplan.Decide(portplan.Program{Command: command, Package: c.pass.Pkg.Name(), Env: c.env, Taken: taken, Servers: servers})
	for i, s := range all {
		r := roles[i]
		s.Rank, s.Env, s.ClashOn = r.Rank, r.Env, r.ClashOn
		if r.Primary >= 0 {
			s.Primary = all[r.Primary]
		}
		if r.Clash >= 0 {
			s.Clash = all[r.Clash]
		}
	}
	if !command {
		c.exportServerFacts(all)
	}
}

// place finds where a site's server starts, and the function holding it.
func (c *checker) place(s *Site) {
	s.start = c.serving.startOf(s)
	s.fn = c.res.Decls.FuncDecl(s.start.Node().Pos())
}

// planned describes a site's server for the plan.
func (sv *serving) planned(s *Site) portplan.Server {
	start := s.start.Node()
	ps := portplan.Server{
		At:       s.Expr.Pos(),
		Start:    start.Pos(),
		Branches: sv.branches(s.start),
		Reads:    sv.reads(s.Val),
		// startOf falls back to the address itself when no start is seen.
		Placed:       s.Implicit != nil && s.Implicit.Call != nil || start.Pos() != s.Expr.Pos() || start.End() != s.Expr.End(),
		Unreached:    sv.neverUsed(s.fn),
		Background:   s.inGo,
		ListenerOnly: s.creates && start == ast.Node(s.call),
		Elsewhere:    s.elsewhere,
		FeedsSink:    s.feedsSink,
		FromFact:     s.FromFact,
		Debug:        sv.servesDebugOnly(s) && addrval.Classify(s.Alts).Loopback,
		Test:         s.inTest,
		Alts:         s.Alts,
		Ports:        s.keys,
		Transport:    addrval.ListensOn(s.Alts, s.transport),
		Names:        sv.names(s),
	}
	if s.fn != nil {
		ps.Func = s.fn.Pos()
	}
	if s.startedBy != nil && s.ParamRole != resolve.RoleHost { // a host passed apart is its port's server
		ps.StartedBy = s.startedBy.Pos()
	}
	if s.Via != nil {
		ps.Via = s.Via.Pos
	}
	return ps
}

// ServerFact says that a call of a function starts a server: a command
// judges a call of another package's helper (server.Run(), go
// metrics.Serve()) as a server of its own, reported in its package.
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

// exportServerFacts exports a ServerFact for each exported function
// holding listen sites.
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
		f.Blocks = f.Blocks || !s.inGo || waitsAfter(s.start)
		f.Ports = appendNew(f.Ports, s.keys...)
	}
	for _, fn := range order {
		c.pass.ExportObjectFact(fn, facts[fn])
	}
}

// factSites adds, in a command, a site for each call of another
// package's function with a ServerFact.
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
// one server, and returns the sites left. In s := api.New(api.Options{
// Port: 9100}); s.Run(), the value written is the site, and s.Run() (a
// fact site, dropped, or a call of a function holding the listen site)
// says where it starts and whether main waits; so does the construction
// when it is such a call.
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
		case s.feedsSink && s.fn != nil && !s.elsewhere: // a call of a function only storing it starts nothing
			if fn, ok := c.pass.TypesInfo.Defs[s.fn.Name].(*types.Func); ok {
				for _, call := range c.callsOf(fn) {
					add(call, start{call, !c.serving.inGoStmt(*s), nil})
				}
			}
		}
	}
	delete(starts, nil)
	joined := make(map[*Site]bool)
	for _, s := range all {
		if !s.elsewhere || s.FromFact {
			continue
		}
		// The construction, or a call it is passed to (an option's:
		// server.New(server.WithAddr(":8080"))).
		var st start
		ok := false
		for call := c.construction(s); call != nil && !ok; call = passedTo(c.serving.cursor(call)) {
			held := c.builtBy(call)
			if st, ok = starts[call]; !ok {
				st, ok = starts[held]
			}
			if sel, isSel := ast.Unparen(call.Fun).(*ast.SelectorExpr); !ok && isSel {
				st, ok = starts[c.builtBy(ast.Unparen(sel.X))] // reg.Register(":8080"); reg.RunAll()
			}
			// A server it returns starts where its variable's listener
			// method is called, whatever the builder's fact says.
			if v, isVar := held.(*types.Var); isVar {
				if lc, found := c.listenerStart(v); found {
					st.call, st.blocks, ok = lc, !c.serving.inGoStmt(Site{Expr: lc}), true
				}
			}
		}
		if !ok {
			continue
		}
		s.startedBy, s.elsewhere, s.inGo = st.call, false, s.inGo || !st.blocks
		c.place(s)
		joined[st.fact] = true
	}
	return slices.DeleteFunc(all, func(s *Site) bool { return joined[s] })
}

// listenerStart returns the call of a listener method on v, a server of
// a rule's type (srv := server.NewHTTPServer(…); srv.ListenAndServe()).
func (c *checker) listenerStart(v *types.Var) (*ast.CallExpr, bool) {
	for _, rule := range c.rules.Fields[resolve.NamedTypeName(v.Type())] {
		if cur, ok := c.serving.useOf(v, &Site{listeners: rule.Listeners}); ok && len(rule.Listeners) > 0 {
			return cur.Node().(*ast.CallExpr), true
		}
	}
	return nil, false
}

// construction returns the call that builds a site's server: a sink's
// call (node.New("127.0.0.1", 7100)), or the one a literal writing a sink
// field is passed to (api.New(api.Options{…})), directly or in a variable.
func (c *checker) construction(s *Site) *ast.CallExpr {
	if s.call != nil {
		return s.call
	}
	cur := c.serving.cursor(s.Expr)
	var lit inspector.Cursor
	switch {
	case s.Implicit != nil && s.Implicit.Lit != nil: // the literal leaving a field out
		lit = outerLit(cur)
	case cur.ParentEdgeKind() == edge.KeyValueExpr_Value:
		lit = outerLit(cur.Parent().Parent())
	default:
		return nil
	}
	if call := argOf(lit); call != nil {
		return call
	}
	if call := c.returnedBy(lit); call != nil {
		return call
	}
	// opts := api.Options{…}; api.Run(opts): the one call it is passed to.
	var passed *ast.CallExpr
	if v := assignedVar(c.pass.TypesInfo, lit, false); v != nil {
		for _, use := range c.res.Vars.Uses(v) {
			if call := argOf(use); call != nil {
				if passed != nil {
					return nil
				}
				passed = call
			}
		}
	}
	return passed
}

// passedTo returns the call the value at cur is passed to, as an
// argument or as the receiver of a method (a builder's next step:
// server.New(h).WithAddr(a).WithTimeout(d)), if any.
func passedTo(cur inspector.Cursor) *ast.CallExpr {
	if cur.ParentEdgeKind() == edge.SelectorExpr_X && cur.Parent().ParentEdgeKind() == edge.CallExpr_Fun {
		return cur.Parent().Parent().Node().(*ast.CallExpr)
	}
	return argOf(cur)
}

// returnedBy returns the one call of the function that returns lit
// (func settings() Settings { return Settings{…} }): where it is built.
func (c *checker) returnedBy(lit inspector.Cursor) *ast.CallExpr {
	lit = unwrapped(lit)
	if lit.ParentEdgeKind() != edge.ReturnStmt_Results {
		return nil
	}
	for cur := lit.Parent(); cur.Valid(); cur = cur.Parent() {
		switch n := cur.Node().(type) {
		case *ast.FuncLit:
			return nil
		case *ast.FuncDecl:
			if fn, ok := c.pass.TypesInfo.Defs[n.Name].(*types.Func); ok {
				if calls := c.callsOf(fn); len(calls) == 1 {
					return calls[0]
				}
			}
			return nil
		}
	}
	return nil
}

// builtBy returns what holds the value of e, a call or its receiver: the
// variable only it defines (s := api.New(…)), or the call itself.
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
