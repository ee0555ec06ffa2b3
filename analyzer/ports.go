package analyzer

// The ports a site's server can take, which say what two servers
// collide on (internal/portplan): its constant ports, and the environment
// variables and defaults its port is read from.

import (
	"go/ast"
	"go/constant"
	"slices"
	"strings"

	"github.com/portlint/portlint/internal/addrval"
)

// portKeys says which ports a site can take: its constant ports, and the
// environment variables and defaults its port is read from.
func (sv *serving) portKeys(s *site) []string {
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
		if fn := calleeFunc(sv.info, call); fn != nil && fn.Origin().FullName() == "cmp.Or" {
			args = call.Args // cmp.Or(os.Getenv("PORT"), "8080")
		}
		for _, a := range args {
			if name, ok := sv.envReadName(a); ok {
				add("$" + name)
			} else if tv := sv.info.Types[a]; tv.Value != nil {
				if t, ok := constText(tv.Value); ok && addrval.ValidPort(strings.TrimPrefix(t, ":")) {
					add("port " + strings.TrimPrefix(t, ":"))
				}
			}
		}
	}
	return keys
}

// envReadName returns the variable a call such as os.Getenv("PORT") reads.
func (sv *serving) envReadName(e ast.Expr) (string, bool) {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok || len(call.Args) != 1 {
		return "", false
	}
	fn := calleeFunc(sv.info, call)
	if fn == nil || !sv.rules.envReaders[fn.FullName()] {
		return "", false
	}
	tv := sv.info.Types[call.Args[0]]
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
