package analyzer

import (
	"cmp"
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/portlint/portlint/internal/addrval"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"
)

// A platform routes one port, $PORT, to a program. So the sites of a
// package are judged together, once all are recorded:
//   - In a command (package main), the primary servers are those main
//     waits on: started outside any goroutine. Only their fixes read the
//     -env variable. Every other hard-coded listener gets a variable of its
//     own, named after the program (metricsPort → METRICS_PORT), and keeps
//     its host. Where every server is started in a goroutine, the first
//     one in the files' order is the primary.
//   - A loopback listener that serves net/http/pprof or expvar through
//     http.DefaultServeMux is a debugging endpoint: never reported, so
//     never made public by a fix.
//   - Two servers of one function that run at the same time and can take
//     the same port (the same environment variable, constant or default)
//     collide: the second fails with "address already in use".
// A library package cannot know its program: its sites are judged as
// primaries, as they always were, but collisions and debugging endpoints
// are found there too.

// rank is a site's place in its program.
type rank uint8

const (
	primaryServer rank = iota
	secondaryServer
	debugServer
)

// program is what the judgement of the whole package says of one site.
type program struct {
	rank    rank
	env     string // secondaryServer: the variable its fix reads
	primary *site  // secondaryServer: the program's first primary
	clash   *site  // an earlier server that can hold the same port
	clashOn string // what they share: "port 8080", "$PORT"
	start   inspector.Cursor
	inGo    bool // started in a goroutine
}

// record keeps a site of the file for judgement.
func (c *checker) record(s site) { c.sites = append(c.sites, &s) }

// judge ranks the sites of all files and finds collisions.
func (c *checker) judge(files []*fileState) {
	if c.pass.Pkg.Name() == "main" {
		c.factSites(files)
	}
	var all []*site
	for _, fs := range files {
		all = append(all, fs.sites...)
	}
	if len(all) == 0 {
		return
	}
	debug := c.importsDebugHandlers()
	for _, s := range all {
		s.start = c.startOf(s)
		// Another package's server that does not block runs in the
		// background once the call returns.
		s.inGo = c.inGoroutine(s.start) || s.fromFact && !s.factBlocks
		if debug && c.servesDebugOnly(s) && addrval.Classify(s.alts).Loopback {
			s.rank = debugServer
		}
	}
	c.findClashes(all)
	if c.pass.Pkg.Name() == "main" {
		c.rankServers(all)
	} else {
		c.exportServerFacts(all)
	}
}

// rankServers picks the primaries of a command and names the variables
// of the other listeners.
func (c *checker) rankServers(all []*site) {
	var primaries, others []*site
	for _, s := range all {
		switch {
		case s.rank == debugServer:
		case s.fromFact && s.inGo:
		case s.inGo || s.creates && s.start.Node() == ast.Node(s.call):
			// Started in a goroutine, or a listener whose serving is
			// not seen: not what main waits on.
			others = append(others, s)
		default:
			primaries = append(primaries, s)
		}
	}
	if len(primaries) == 0 {
		if len(others) == 0 {
			return
		}
		primaries, others = others[:1], others[1:]
	}
	taken := map[string]bool{c.cfg.Env: true}
	for _, s := range others {
		if s.fromFact {
			continue
		}
		s.rank, s.primary = secondaryServer, primaries[0]
		if addrval.Classify(s.alts).Port { // else nothing to fix: a loopback host is right for it
			s.env = uniqueName(c.envName(s), s, taken)
			taken[s.env] = true
		}
	}
}

// uniqueName makes name distinct from the names taken, with the port.
func uniqueName(name string, s *site, taken map[string]bool) string {
	if !taken[name] {
		return name
	}
	base := strings.TrimSuffix(name, "_PORT") + "_" + s.alts[0].Port.Text
	name = base + "_PORT"
	for i := 2; taken[name]; i++ {
		name = fmt.Sprintf("%s_%d_PORT", base, i)
	}
	return name
}

// envName derives a secondary listener's variable from the names the
// program gives it: the constant or variable holding its address or port
// (metricsAddr), its server or listener variable (adminSrv, grpcLn), or
// the function serving it (serveDebug); else from its port (PORT_9090).
func (c *checker) envName(s *site) string {
	var names []string
	s.val.each(func(v *val) {
		switch e := ast.Unparen(v.expr).(type) {
		case *ast.Ident:
			names = append(names, e.Name)
		case *ast.SelectorExpr:
			names = append(names, e.Sel.Name)
		}
	})
	// Names that say they hold an address come first.
	slices.SortStableFunc(names, func(a, b string) int { return cmp.Compare(addressLike(b), addressLike(a)) })
	if s.server != nil {
		names = append(names, s.server.Name())
	}
	if s.creates {
		if v := c.listenerVar(s.call); v != nil {
			names = append(names, v.Name())
		}
	}
	if fn := enclosingFunc(s.start); fn != nil && fn.Name.Name != "main" {
		names = append(names, fn.Name.Name)
	}
	for _, n := range names {
		if word := envWord(n); word != "" {
			return word + "_PORT"
		}
	}
	return "PORT_" + s.alts[0].Port.Text
}

// addressLike is 1 for a name that says it holds an address, else 0.
func addressLike(name string) int {
	n := strings.ToLower(name)
	if strings.Contains(n, "addr") || strings.Contains(n, "port") || strings.Contains(n, "listen") {
		return 1
	}
	return 0
}

// envWord turns metricsAddr, serveDebug or grpcLn into METRICS, DEBUG or
// GRPC: the name in upper snake case without the words that say it is an
// address or a server.
func envWord(name string) string {
	var words []string
	start := 0
	for i, r := range name {
		if i > 0 && (unicode.IsUpper(r) && !unicode.IsUpper(rune(name[i-1])) || r == '_') {
			words = append(words, name[start:i])
			start = i
		}
	}
	words = append(words, name[start:])
	var keep []string
	for _, w := range words {
		w = strings.ToUpper(strings.Trim(w, "_"))
		switch w {
		case "", "ADDR", "ADDRESS", "PORT", "HOST", "LISTEN", "LISTENER", "LN", "L", "SRV", "SERVER", "SERVE",
			"START", "RUN", "DEFAULT", "HTTP", "TCP", "BIND", "A", "S":
			continue
		}
		if !unicode.IsLetter(rune(w[0])) {
			continue
		}
		keep = append(keep, w)
	}
	return strings.Join(keep, "_")
}

// each calls f for v and every val it was built from.
func (v *val) each(f func(*val)) {
	seen := make(map[*val]bool)
	var walk func(*val)
	walk = func(v *val) {
		if v == nil || seen[v] {
			return
		}
		seen[v] = true
		f(v)
		for _, p := range v.parts {
			walk(p)
		}
	}
	walk(v)
}

// cursor returns the cursor of a node of the package.
func (c *checker) cursor(n ast.Node) inspector.Cursor {
	cur, _ := c.res.decls.find(n.Pos(), n.End())
	return cur
}

// startOf returns where a site's server starts serving: the call of a
// method that listens on a server's address field (srv.ListenAndServe()),
// the first call handed a listener (http.Serve(ln, h)), or else the call
// that listens.
func (c *checker) startOf(s *site) inspector.Cursor {
	var v *types.Var
	switch {
	case s.server != nil:
		v = s.server
	case s.creates && s.call != nil:
		v = c.listenerVar(s.call)
	}
	if v != nil {
		if start, ok := c.useOf(v, s); ok {
			return start
		}
	}
	if s.call != nil {
		return c.cursor(s.call)
	}
	return c.cursor(s.expr)
}

// listenerVar returns the local variable a listener is assigned to:
// ln in ln, err := net.Listen(…).
func (c *checker) listenerVar(call *ast.CallExpr) *types.Var {
	cur := c.cursor(call)
	as, ok := cur.Parent().Node().(*ast.AssignStmt)
	if !ok || len(as.Rhs) != 1 || len(as.Lhs) == 0 {
		return nil
	}
	id, ok := as.Lhs[0].(*ast.Ident)
	if !ok {
		return nil
	}
	v, _ := c.pass.TypesInfo.ObjectOf(id).(*types.Var)
	return v
}

// useOf finds the call that starts v's server: srv.ListenAndServe() for
// a server, or a call with the listener as an argument.
func (c *checker) useOf(v *types.Var, s *site) (inspector.Cursor, bool) {
	decl, ok := c.res.decls.decl(v.Pos())
	if !ok || v.Parent() == c.pass.Pkg.Scope() {
		return inspector.Cursor{}, false
	}
	for idCur := range decl.Preorder((*ast.Ident)(nil)) {
		if c.pass.TypesInfo.Uses[idCur.Node().(*ast.Ident)] != v {
			continue
		}
		switch idCur.ParentEdgeKind() {
		case edge.SelectorExpr_X:
			sel := idCur.Parent()
			if slices.Contains(s.listeners, sel.Node().(*ast.SelectorExpr).Sel.Name) && sel.ParentEdgeKind() == edge.CallExpr_Fun {
				return sel.Parent(), true
			}
		case edge.CallExpr_Args:
			if s.creates {
				call := idCur.Parent()
				if h, ok := c.serveHandler(call.Node().(*ast.CallExpr)); ok {
					s.handler = h
				}
				return call, true
			}
		}
	}
	return inspector.Cursor{}, false
}

// serveHandler returns the handler argument of a call that serves HTTP
// on a listener (http.Serve(ln, h)).
func (c *checker) serveHandler(call *ast.CallExpr) (ast.Expr, bool) {
	fn := calleeFunc(c.pass.TypesInfo, call)
	if fn == nil {
		return nil, false
	}
	i, ok := c.rules.serves[fn.FullName()]
	if !ok || i >= len(call.Args) {
		return nil, false
	}
	return call.Args[i], true
}

// inGoroutine reports whether cur runs in a goroutine of its function
// (go f(…), go func() {…}()), or in an unexported function that is only
// ever started as one (go serveMetrics()).
func (c *checker) inGoroutine(cur inspector.Cursor) bool {
	for a := cur; a.Node() != nil; a = a.Parent() {
		switch n := a.Node().(type) {
		case *ast.GoStmt:
			return true
		case *ast.FuncDecl:
			fn, ok := c.pass.TypesInfo.Defs[n.Name].(*types.Func)
			return ok && !fn.Exported() && n.Recv == nil && c.onlyGoCalled(fn)
		}
	}
	return false
}

// onlyGoCalled reports whether every use of fn in the package is a go
// statement calling it (go serveMetrics()), memoized per function.
func (c *checker) onlyGoCalled(fn *types.Func) bool {
	if only, ok := c.goOnly[fn]; ok {
		return only
	}
	uses := 0
	only := true
	for cur := range c.res.insp.Root().Preorder((*ast.Ident)(nil)) {
		id := cur.Node().(*ast.Ident)
		if id.Name != fn.Name() || c.pass.TypesInfo.Uses[id] != fn {
			continue
		}
		uses++
		_, isGo := cur.Parent().Parent().Node().(*ast.GoStmt)
		if cur.ParentEdgeKind() != edge.CallExpr_Fun || !isGo {
			only = false
			break
		}
	}
	if c.goOnly == nil {
		c.goOnly = make(map[*types.Func]bool)
	}
	c.goOnly[fn] = only && uses > 0
	return c.goOnly[fn]
}

// importsDebugHandlers reports whether the package imports a package
// that registers debugging handlers on http.DefaultServeMux.
func (c *checker) importsDebugHandlers() bool {
	return slices.ContainsFunc(c.pass.Pkg.Imports(), func(p *types.Package) bool { return c.rules.debugPkgs[p.Path()] })
}

// servesDebugOnly reports whether a site's server serves only debugging
// handlers: http.DefaultServeMux (a nil handler, or none set), or a
// handler built from net/http/pprof's and expvar's alone.
func (c *checker) servesDebugOnly(s *site) bool {
	switch {
	case s.server != nil:
		// An http.Server: its Handler field, nil when unset.
	case s.call == nil || s.handler == nil && !s.creates:
		return false
	case s.creates && s.handler == nil:
		return false // no http.Serve(ln, h) seen
	}
	if s.handler == nil {
		return true
	}
	if id, ok := ast.Unparen(s.handler).(*ast.Ident); ok && c.pass.TypesInfo.Uses[id] == types.Universe.Lookup("nil") {
		return true
	}
	debugOnly, any := true, false
	ast.Inspect(s.handler, func(n ast.Node) bool {
		id, ok := n.(*ast.Ident)
		if !ok {
			return true
		}
		obj := c.pass.TypesInfo.Uses[id]
		switch {
		case obj == nil, isPkgName(obj):
		case obj.Pkg() != nil && c.rules.debugPkgs[obj.Pkg().Path()]:
			any = true
		case obj.Pkg() != nil && obj.Pkg().Path() == "net/http" && (obj.Name() == "HandlerFunc" || obj.Name() == "Handler"):
		default:
			debugOnly = false
		}
		return true
	})
	return debugOnly && any
}

// calleeFunc returns the function a call statically calls, if any.
func calleeFunc(info *types.Info, call *ast.CallExpr) *types.Func {
	fn, _ := typeutil.Callee(info, call).(*types.Func)
	return fn
}

func isPkgName(obj types.Object) bool {
	_, ok := obj.(*types.PkgName)
	return ok
}

// findClashes finds, in each function, a server that can take the port
// of an earlier one still listening.
func (c *checker) findClashes(all []*site) {
	byFunc := make(map[*ast.FuncDecl][]*site)
	for _, s := range all {
		if fn := enclosingFunc(s.start); fn != nil {
			byFunc[fn] = append(byFunc[fn], s)
		}
	}
	for _, sites := range byFunc {
		slices.SortFunc(sites, func(a, b *site) int { return cmp.Compare(a.start.Node().Pos(), b.start.Node().Pos()) })
		keys := make([][]string, len(sites))
		hosts := make([][]string, len(sites))
		for i, s := range sites {
			keys[i], hosts[i] = c.portKeys(s), bindHosts(s)
		}
	next:
		for j, later := range sites {
			for i, earlier := range sites[:j] {
				// The earlier one still listens when the later starts
				// only if it serves in a goroutine.
				if !earlier.inGo || exclusive(earlier.start, later.start) || !overlap(hosts[i], hosts[j]) {
					continue
				}
				for _, k := range keys[i] {
					if slices.Contains(keys[j], k) {
						later.clash, later.clashOn = earlier, k
						continue next
					}
				}
			}
		}
	}
}

// bindHosts lists the addresses a site binds, "*" for all interfaces or
// any it cannot tell; loopback names are 127.0.0.1, as net.Listen binds
// "localhost".
func bindHosts(s *site) []string {
	var out []string
	for _, a := range s.alts {
		h := strings.ToLower(strings.TrimSuffix(a.Host.Text, "."))
		switch {
		case !a.Host.Known || addrval.HostIsAllInterfaces(h):
			return []string{"*"}
		case h == "localhost" || strings.HasSuffix(h, ".localhost"):
			h = "127.0.0.1"
		}
		out = append(out, h)
	}
	return out
}

// overlap reports whether two servers bind a common address.
func overlap(a, b []string) bool {
	return slices.Contains(a, "*") || slices.Contains(b, "*") || slices.ContainsFunc(a, func(h string) bool { return slices.Contains(b, h) })
}

// portKeys says which ports a site can take: its constant ports, and the
// environment variables and defaults its port is read from.
func (c *checker) portKeys(s *site) []string {
	if s.fromFact {
		return s.factPorts
	}
	var keys []string
	add := func(k string) {
		if !slices.Contains(keys, k) {
			keys = append(keys, k)
		}
	}
	for _, a := range s.alts {
		if a.HasPort && a.Port.Known && !addrval.PortIsEphemeral(a.Port.Text) {
			add("port " + a.Port.Text)
		}
	}
	for _, leaf := range portLeaves(s.val, nil) {
		call, ok := ast.Unparen(leaf.expr).(*ast.CallExpr)
		if !ok {
			continue
		}
		args := []ast.Expr{call}
		if fn := calleeFunc(c.pass.TypesInfo, call); fn != nil && fn.Origin().FullName() == "cmp.Or" {
			args = call.Args // cmp.Or(os.Getenv("PORT"), "8080")
		}
		for _, a := range args {
			if name, ok := c.envReadName(a); ok {
				add("$" + name)
			} else if tv := c.pass.TypesInfo.Types[a]; tv.Value != nil {
				if t, ok := constText(tv.Value); ok && !addrval.PortIsEphemeral(t) {
					add("port " + strings.TrimPrefix(t, ":"))
				}
			}
		}
	}
	return keys
}

// envReadName returns the variable a call such as os.Getenv("PORT") reads.
func (c *checker) envReadName(e ast.Expr) (string, bool) {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok || len(call.Args) != 1 {
		return "", false
	}
	fn := calleeFunc(c.pass.TypesInfo, call)
	if fn == nil || !c.rules.envReaders[fn.FullName()] {
		return "", false
	}
	tv := c.pass.TypesInfo.Types[call.Args[0]]
	if tv.Value == nil || tv.Value.Kind() != constant.String {
		return "", false
	}
	return constant.StringVal(tv.Value), true
}

// portLeaves lists the vals that hold a site's port: the last operand of
// a concatenation, the port of net.JoinHostPort, the last argument of
// fmt.Sprintf, through variables, fields and helpers.
func portLeaves(v *val, out []*val) []*val {
	if v == nil {
		return out
	}
	switch v.form {
	case formConcat:
		ops := v.operands()
		return portLeaves(ops[len(ops)-1], out)
	case formJoin:
		return portLeaves(v.parts[1], out)
	case formSprintf:
		return portLeaves(v.parts[len(v.parts)-1], out)
	case formIPAddr:
		return portLeaves(v.parts[1], out)
	case formVar, formField, formCall, formResolve:
		for _, p := range v.parts {
			out = portLeaves(p, out)
		}
		if v.form != formCall || len(v.parts) > 0 {
			return out
		}
	}
	return append(out, v)
}

// exclusive reports whether a and b lie in different branches of one if
// or switch statement, so that they never both run.
func exclusive(a, b inspector.Cursor) bool {
	onPath := make(map[ast.Node]inspector.Cursor)
	for x := a; x.Node() != nil; x = x.Parent() {
		onPath[x.Node()] = x
	}
	var below inspector.Cursor // b's ancestor just below the common one
	for y := b; y.Node() != nil; y = y.Parent() {
		if x, ok := onPath[y.Node()]; ok {
			if !below.Valid() {
				return false
			}
			// a's ancestor just below the common one.
			var aBelow inspector.Cursor
			for z := a; z.Node() != nil && z.Node() != x.Node(); z = z.Parent() {
				aBelow = z
			}
			if !aBelow.Valid() {
				return false
			}
			switch x.Node().(type) {
			case *ast.IfStmt:
				return aBelow.ParentEdgeKind() != below.ParentEdgeKind() &&
					(aBelow.ParentEdgeKind() == edge.IfStmt_Else || below.ParentEdgeKind() == edge.IfStmt_Else)
			case *ast.BlockStmt:
				_, isCase := aBelow.Node().(*ast.CaseClause)
				_, isComm := aBelow.Node().(*ast.CommClause)
				return (isCase || isComm) && aBelow.Node() != below.Node()
			}
			return false
		}
		below = y
	}
	return false
}

// enclosingFunc returns the function declaration holding cur.
func enclosingFunc(cur inspector.Cursor) *ast.FuncDecl {
	for fn := range cur.Enclosing((*ast.FuncDecl)(nil)) {
		return fn.Node().(*ast.FuncDecl)
	}
	return nil
}

// position is a short "main.go:12" for messages.
func (c *checker) position(pos token.Pos) string {
	p := c.pass.Fset.Position(pos)
	name := p.Filename
	if i := strings.LastIndexAny(name, `/\`); i >= 0 {
		name = name[i+1:]
	}
	return name + ":" + strconv.Itoa(p.Line)
}
