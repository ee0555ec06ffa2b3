package analyzer

// Servers of one function that can take the same port at the same time:
// the second fails with "address already in use" (see program.go).

import (
	"cmp"
	"go/ast"
	"go/constant"
	"go/token"
	"slices"
	"strconv"
	"strings"

	"github.com/portlint/portlint/internal/addrval"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"
)

// findClashes finds, in each function, a server that can take the port
// of an earlier one still listening.
func (c *checker) findClashes(all []*site) {
	byFunc := make(map[*ast.FuncDecl][]*site)
	for _, s := range all {
		// A server started later by a call the pass cannot place may
		// never run beside the others.
		if fn := s.fn; fn != nil && !s.elsewhere {
			byFunc[fn] = append(byFunc[fn], s)
		}
	}
	for _, sites := range byFunc {
		slices.SortFunc(sites, func(a, b *site) int { return cmp.Compare(a.start.Node().Pos(), b.start.Node().Pos()) })
		keys := make([][]string, len(sites))
		hosts := make([][]string, len(sites))
		for i, s := range sites {
			keys[i], hosts[i] = s.keys, bindHosts(s)
		}
	next:
		for j, later := range sites {
			for i, earlier := range sites[:j] {
				// The earlier one still listens when the later starts
				// only if it serves in a goroutine.
				if !earlier.inGo || !earlier.transport.overlaps(later.transport) || exclusive(earlier.start, later.start) || !overlap(hosts[i], hosts[j]) {
					continue
				}
				// A shared constant port first: it stays the same when a
				// fix makes the servers read variables defaulting to it.
				shared := slices.DeleteFunc(slices.Clone(keys[i]), func(k string) bool { return !slices.Contains(keys[j], k) })
				slices.SortStableFunc(shared, func(a, b string) int {
					return cmp.Compare(constantKey(b), constantKey(a))
				})
				if len(shared) > 0 {
					later.clash, later.clashOn = earlier, shared[0]
					continue next
				}
			}
		}
	}
}

// constantKey is 1 for a constant port's key, 0 for a variable's.
func constantKey(k string) int {
	if strings.HasPrefix(k, "port ") {
		return 1
	}
	return 0
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
		if a.HasPort && a.Port.Known && !addrval.PortIsEphemeral(a.Port.Text) && addrval.ValidPort(a.Port.Text) {
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
				if t, ok := constText(tv.Value); ok && addrval.ValidPort(strings.TrimPrefix(t, ":")) {
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

// position is a short "main.go:12" for messages.
func (c *checker) position(pos token.Pos) string {
	p := c.pass.Fset.Position(pos)
	name := p.Filename
	if i := strings.LastIndexAny(name, `/\`); i >= 0 {
		name = name[i+1:]
	}
	return name + ":" + strconv.Itoa(p.Line)
}
