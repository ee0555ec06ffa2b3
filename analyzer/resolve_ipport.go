package analyzer

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"
)

// ipAddrTypes are the address structs a listener can take, with the
// field holding the port ("" for *net.IPAddr, which has none).
var ipAddrTypes = map[string]string{
	"net.TCPAddr": "Port",
	"net.UDPAddr": "Port",
	"net.IPAddr":  "",
}

// resolvers of those structs' string form: net.ResolveTCPAddr(net, addr).
var resolveAddrFuncs = map[string]bool{
	"net.ResolveTCPAddr": true,
	"net.ResolveUDPAddr": true,
	"net.ResolveIPAddr":  true,
}

// ipPort resolves an address struct pointer: &net.TCPAddr{IP: …, Port: …},
// a variable holding one, or the first result of net.Resolve*Addr.
func (r *resolver) ipPort(e ast.Expr, hasPort bool) []addrAlt {
	e = ast.Unparen(e)
	unknown := []addrAlt{{hasPort: hasPort}}
	if id, ok := e.(*ast.Ident); ok && r.info.Uses[id] == types.Universe.Lookup("nil") {
		// A nil address listens on all interfaces and any free port.
		return []addrAlt{{host: part{"", true, e.Pos()}, port: part{"", true, e.Pos()}, hasPort: hasPort}}
	}
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		if lit, ok := ast.Unparen(u.X).(*ast.CompositeLit); ok {
			return r.ipPortLit(lit, hasPort)
		}
		return unknown
	}
	v, defs, ok := r.defsOf(e)
	if !ok {
		return unknown
	}
	if alts, ok := r.addrMemo[v]; ok {
		return alts
	}
	depth, saved, ok := r.enter(v)
	if !ok {
		return nil
	}
	var out []addrAlt
	for _, d := range defs {
		switch {
		case d.rhs == nil:
			out = append(out, unknown...) // a nil pointer: would panic or listen anywhere
		case d.index == 0:
			out = append(out, r.resolvedAddr(d.rhs, hasPort)...)
		case d.index < 0:
			out = append(out, r.ipPort(d.rhs, hasPort)...)
		default:
			out = append(out, unknown...)
		}
	}
	if len(out) > maxAlts {
		out = unknown
	}
	if r.leave(v, depth, saved) {
		r.addrMemo[v] = out
	}
	return out
}

// resolvedAddr handles a, err := net.ResolveTCPAddr(network, ADDR).
func (r *resolver) resolvedAddr(rhs ast.Expr, hasPort bool) []addrAlt {
	call, ok := ast.Unparen(rhs).(*ast.CallExpr)
	if !ok || !resolveAddrFuncs[r.calleeName(call)] || len(call.Args) != 2 {
		return []addrAlt{{hasPort: hasPort}}
	}
	var out []addrAlt
	for _, s := range r.str(call.Args[1]) {
		if !hasPort { // ResolveIPAddr takes a bare host
			t, ok := s.text()
			out = append(out, addrAlt{host: part{t, ok, originOf(s, 0)}})
			continue
		}
		out = append(out, splitAddr(s))
	}
	return out
}

func (r *resolver) ipPortLit(lit *ast.CompositeLit, hasPort bool) []addrAlt {
	tn := namedTypeName(r.info.TypeOf(lit))
	portField, ok := ipAddrTypes[tn]
	if !ok {
		return []addrAlt{{hasPort: hasPort}}
	}
	var ipExpr, portExpr ast.Expr
	for i, elt := range lit.Elts {
		name, val := "", elt
		if kv, ok := elt.(*ast.KeyValueExpr); ok {
			if id, ok := kv.Key.(*ast.Ident); ok {
				name = id.Name
			}
			val = kv.Value
		} else if i == 0 {
			name = "IP"
		} else if i == 1 {
			name = "Port"
		}
		switch name {
		case "IP":
			ipExpr = val
		case portField:
			portExpr = val
		}
	}
	var hosts []str
	if ipExpr == nil {
		hosts = known("", lit.Lbrace) // nil IP: all interfaces
	} else {
		hosts = r.ip(ipExpr, 0)
	}
	ports := known("0", lit.Lbrace)
	if portExpr != nil {
		ports = r.str(portExpr)
	}
	var out []addrAlt
	for _, h := range hosts {
		ht, hok := h.text()
		for _, p := range ports {
			pt, pok := p.text()
			a := addrAlt{host: part{ht, hok, originOf(h, 0)}, hasPort: portField != ""}
			if a.hasPort {
				a.port = part{pt, pok, originOf(p, 0)}
			}
			out = append(out, a)
		}
	}
	return out
}

// ip resolves a net.IP expression to its textual host.
func (r *resolver) ip(e ast.Expr, depth int) []str {
	e = ast.Unparen(e)
	if depth > 8 {
		return hole()
	}
	if id, ok := e.(*ast.Ident); ok && r.info.Uses[id] == types.Universe.Lookup("nil") {
		return known("", e.Pos())
	}
	if sel, ok := e.(*ast.SelectorExpr); ok {
		if v, ok := r.info.Uses[sel.Sel].(*types.Var); ok && v.Pkg() != nil && v.Pkg().Path() == "net" {
			switch v.Name() {
			case "IPv6loopback":
				return known("::1", e.Pos())
			case "IPv4zero":
				return known("0.0.0.0", e.Pos())
			case "IPv6zero", "IPv6unspecified":
				return known("::", e.Pos())
			}
		}
		return hole()
	}
	if call, ok := e.(*ast.CallExpr); ok {
		switch r.calleeName(call) {
		case "net.ParseIP":
			if len(call.Args) == 1 {
				return r.str(call.Args[0])
			}
		case "net.IPv4":
			if len(call.Args) == 4 {
				var parts []string
				for _, a := range call.Args {
					t, ok := r.constArg(a)
					if !ok {
						return hole()
					}
					parts = append(parts, t)
				}
				return known(strings.Join(parts, "."), e.Pos())
			}
		}
		return hole()
	}
	if _, defs, ok := r.defsOf(e); ok && len(defs) <= maxAlts {
		var out []str
		for _, d := range defs {
			if d.rhs == nil || d.index >= 0 {
				out = union(out, known("", d.pos))
				if d.index >= 0 {
					return hole()
				}
				continue
			}
			out = union(out, r.ip(d.rhs, depth+1))
		}
		return out
	}
	return hole()
}

func (r *resolver) constArg(e ast.Expr) (string, bool) {
	if tv, ok := r.info.Types[e]; ok && tv.Value != nil {
		return constText(tv.Value)
	}
	return "", false
}

// namedTypeName returns "pkgpath.Name" of t or *t, or "".
func namedTypeName(t types.Type) string {
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() == nil {
		return ""
	}
	return n.Obj().Pkg().Path() + "." + n.Obj().Name()
}
