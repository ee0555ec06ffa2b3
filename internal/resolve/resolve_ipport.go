package resolve

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"github.com/portlint/portlint/internal/addrval"
	"golang.org/x/tools/go/ast/edge"
)

// AddrStructs resolves address structs (net.TCPAddr and the like, and
// net/netip's), whose values are hosts and ports apart.
type AddrStructs struct{ *Resolver }

func (r *Resolver) AddrStructs() AddrStructs { return AddrStructs{r} }

// IPPort resolves an address struct pointer to its Addrs:
// &net.TCPAddr{IP: …, Port: …}, a variable holding one, or the first
// result of net.Resolve*Addr.
func (r AddrStructs) IPPort(e ast.Expr, hasPort bool) *Val {
	written := e
	e = ast.Unparen(e)
	unknown := &Val{Addrs: []addrval.Alt{{HasPort: hasPort}}, Expr: written, Index: -1}
	if id, ok := e.(*ast.Ident); ok && r.info.Uses[id] == types.Universe.Lookup("nil") {
		// A nil address listens on all interfaces and any free port.
		unknown.Addrs = []addrval.Alt{{Host: addrval.Part{Text: "", Known: true, Pos: e.Pos()}, Port: addrval.Part{Text: "", Known: true, Pos: e.Pos()}, HasPort: hasPort}}
		return unknown
	}
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		if lit, ok := ast.Unparen(u.X).(*ast.CompositeLit); ok {
			return r.ipPortLit(written, lit, hasPort)
		}
		return unknown
	}
	v, defs, ok := r.defsOf(e)
	memo := r.memo.addr
	if sel, isSel := e.(*ast.SelectorExpr); isSel && !ok {
		v, defs, _, ok = r.fieldDefs(sel) // s.la of a local struct: its writes
		memo = nil
	}
	if !ok || !r.confined(v) {
		return unknown
	}
	return r.variable(written, v, defs, memo, func(d def) *Val {
		switch {
		case d.Rhs == nil:
			return &Val{Addrs: unknown.Addrs, Form: FormZero, Index: -1} // a nil pointer: would panic or listen anywhere
		case d.Index == 0:
			return r.resolvedAddr(d.Rhs, hasPort)
		case d.Index < 0:
			return r.IPPort(d.Rhs, hasPort)
		}
		return &Val{Addrs: unknown.Addrs, Expr: d.Rhs, Index: d.Index}
	})
}

// confined reports whether the address structs v points to, or holds in
// a field, change only where its definitions say: each use of v reads a
// field of one, writes v, or hands one to package net (net.ListenTCP(…,
// a)). A copy (b := a) or another function (setPort(a)) may change it.
func (r AddrStructs) confined(v *types.Var) bool {
	for _, cur := range LocalUses(r.info, r.Decls, v) {
		for cur.ParentEdgeKind() == edge.SelectorExpr_X {
			if s := r.info.Selections[cur.Parent().Node().(*ast.SelectorExpr)]; s == nil || s.Kind() != types.FieldVal {
				return false
			}
			cur = cur.Parent()
		}
		e := cur.Node().(ast.Expr)
		switch {
		case Written(cur):
			if _, isVar := e.(*ast.Ident); !isVar {
				return false // a.Port = p; a = … is a definition
			}
		case cur.ParentEdgeKind() == edge.CallExpr_Args:
			if fn := CalleeFunc(r.info, cur.Parent().Node().(*ast.CallExpr)); fn == nil || fn.Pkg() == nil || fn.Pkg().Path() != "net" {
				return false
			}
		default:
			if _, basic := r.info.TypeOf(e).Underlying().(*types.Basic); !basic {
				return false // b := a, return s
			}
		}
	}
	return true
}

// resolvedAddr handles a, err := net.ResolveTCPAddr(network, ADDR).
func (r AddrStructs) resolvedAddr(rhs ast.Expr, hasPort bool) *Val {
	out := &Val{Expr: rhs, Index: 0}
	call, ok := ast.Unparen(rhs).(*ast.CallExpr)
	if !ok || !r.rules.AddrResolvers[calleeName(r.info, call)] || len(call.Args) != 2 {
		out.Addrs = []addrval.Alt{{HasPort: hasPort}}
		return out
	}
	addr := r.Str(call.Args[1])
	out.Form, out.Parts = FormResolve, []*Val{addr}
	for _, s := range addr.Strs {
		if !hasPort { // ResolveIPAddr takes a bare host
			t, ok := s.Text()
			out.Addrs = append(out.Addrs, addrval.Alt{Host: addrval.Part{Text: t, Known: ok, Pos: addrval.OriginOf(s, 0)}})
			continue
		}
		out.Addrs = append(out.Addrs, addrval.Split(s))
	}
	return out
}

func (r AddrStructs) ipPortLit(written ast.Expr, lit *ast.CompositeLit, hasPort bool) *Val {
	parts, hosts, ports, portField, ok := r.litAddr(lit)
	if !ok {
		return &Val{Addrs: []addrval.Alt{{HasPort: hasPort}}, Expr: written, Index: -1}
	}
	out := &Val{Expr: written, Form: FormIPAddr, Parts: parts[:], Index: -1}
	for _, h := range hosts {
		ht, hok := h.Text()
		for _, p := range ports {
			pt, pok := p.Text()
			a := addrval.Alt{Host: addrval.Part{Text: ht, Known: hok, Pos: addrval.OriginOf(h, 0)}, HasPort: portField != ""}
			if a.HasPort {
				a.Port = addrval.Part{Text: pt, Known: pok, Pos: addrval.OriginOf(p, 0)}
			}
			out.Addrs = append(out.Addrs, a)
		}
	}
	return out
}

// litAddr returns what an address struct literal sets: its IP's and its
// port field's values (parts, nil where omitted) and their texts (a nil
// IP: all interfaces; port 0), and its port field ("" for none); ok is
// false for a type no rule names.
func (r AddrStructs) litAddr(lit *ast.CompositeLit) (parts [2]*Val, hosts, ports []addrval.Str, portField string, ok bool) {
	portField, ok = r.rules.AddrStructs[NamedTypeName(r.info.TypeOf(lit))]
	hosts, ports = addrval.Known("", lit.Lbrace), addrval.Known("0", lit.Lbrace)
	// Written in order, an address struct starts with IP, then its port.
	if x, found := litValue(lit, "IP", 0); found && ok {
		parts[0] = r.host(x)
		hosts = parts[0].Strs
	}
	if x, found := litValue(lit, portField, 1); found && portField != "" {
		parts[1] = r.Str(x)
		ports = parts[1].Strs
	}
	return parts, hosts, ports, portField, ok
}

// host resolves an IP (a net.IP or a netip.Addr) to its textual host;
// nil, or a variable left at its zero value, is all interfaces.
func (r AddrStructs) host(e ast.Expr) *Val {
	written := e
	e = ast.Unparen(e)
	name := "" // of a named address: a variable of net, a function of net/netip
	switch x := e.(type) {
	case *ast.Ident:
		if r.info.Uses[x] == types.Universe.Lookup("nil") {
			return leaf(written, addrval.Known("", e.Pos()))
		}
		v, defs, ok := r.defsOf(e)
		if !ok || len(defs) > addrval.MaxAlts {
			break
		}
		return r.variable(written, v, defs, nil, func(d def) *Val {
			switch {
			case d.Index >= 0:
				return &Val{Strs: addrval.Unknown(), Expr: d.Rhs, Index: d.Index}
			case d.Rhs == nil:
				return &Val{Strs: addrval.Known("", d.pos), Form: FormZero, Index: -1}
			}
			return r.host(d.Rhs)
		})
	case *ast.SelectorExpr:
		if v, ok := r.info.Uses[x.Sel].(*types.Var); ok && v.Pkg() != nil {
			name = v.Pkg().Path() + "." + v.Name()
		}
	case *ast.CallExpr:
		name = calleeName(r.info, x)
		switch {
		case (name == "net.ParseIP" || name == "net/netip.MustParseAddr") && len(x.Args) == 1:
			return leaf(written, r.Str(x.Args[0]).Strs)
		case name == "net.IPv4" && len(x.Args) == 4:
			var parts []string
			for _, a := range x.Args {
				t, ok := constText(r.info, a)
				if !ok {
					return leaf(written, addrval.Unknown())
				}
				parts = append(parts, t)
			}
			return leaf(written, addrval.Known(strings.Join(parts, "."), e.Pos()))
		}
	}
	if h, ok := namedIPs[name]; ok {
		return leaf(written, addrval.Known(h, e.Pos()))
	}
	return leaf(written, addrval.Unknown())
}

// namedIPs are the hosts of the standard library's named addresses:
// net's variables, net/netip's functions.
var namedIPs = map[string]string{
	"net.IPv6loopback": "::1", "net.IPv4zero": "0.0.0.0", "net.IPv6zero": "::", "net.IPv6unspecified": "::",
	"net/netip.IPv6Loopback": "::1", "net/netip.IPv4Unspecified": "0.0.0.0", "net/netip.IPv6Unspecified": "::",
}

// NamedTypeName returns "pkgpath.Name" of t or *t, or "".
func NamedTypeName(t types.Type) string {
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() == nil {
		return ""
	}
	return n.Obj().Pkg().Path() + "." + n.Obj().Name()
}

// IPPortStrs returns the address, as a string, that an address struct
// literal with a hole (a parameter or field) listens on, so that its
// callers are traced as for a string: &net.TCPAddr{IP:
// net.ParseIP(host), Port: port} listens where net.JoinHostPort(host,
// strconv.Itoa(port)) does. ok is false unless e is such a literal, or a
// variable whose one definition is one.
func (r AddrStructs) IPPortStrs(e ast.Expr) (strs []addrval.Str, ok bool) {
	lit := r.addrLit(e)
	if lit == nil {
		return nil, false
	}
	_, host, port, portField, _ := r.litAddr(lit)
	if portField == "" || !addrval.HasHole(host) && !addrval.HasHole(port) {
		return nil, false // the literal's own values: IPPort
	}
	return joined(host, lit.Lbrace, port), true
}

// addrLit returns the address struct literal e is (&lit or lit), or the
// one definition of the local variable e, used nowhere else; or nil.
func (r AddrStructs) addrLit(e ast.Expr) *ast.CompositeLit {
	e, v := r.oneDef(e)
	if v != nil && (v.Parent() == r.pkg.Scope() || len(LocalUses(r.info, r.Decls, v)) != 1) {
		return nil // addr.Port = p, or addr handed to code that may set it.
	}
	lit, _ := Unaddr(e).(*ast.CompositeLit)
	if lit != nil && len(lit.Elts) == 0 {
		return nil
	}
	return lit
}
