package sites

import (
	"go/ast"
	"go/constant"
	"go/types"
	"strings"

	"github.com/portlint/portlint/internal/addrval"
	"github.com/portlint/portlint/internal/listenapi"
	"github.com/portlint/portlint/internal/resolve"
	"golang.org/x/tools/go/ast/inspector"
)

// portKeys says which ports a site can take: its constant ports, and the
// environment variables and defaults its port is read from.
func (sv *serving) portKeys(s *Site) []string {
	if s.FromFact {
		return s.keys
	}
	var keys []string
	for _, a := range s.Alts {
		if a.HasPort && a.Port.Known && !addrval.PortIsEphemeral(a.Port.Text) && addrval.ValidPort(a.Port.Text) {
			keys = appendNew(keys, "port "+a.Port.Text)
		}
	}
	if s.ParamRole == resolve.RoleHost {
		return keys // its value is the host: the port is read elsewhere
	}
	for _, leaf := range portLeaves(s.Val, nil) {
		call, ok := ast.Unparen(leaf.Expr).(*ast.CallExpr)
		if !ok {
			continue
		}
		args := []ast.Expr{call}
		if fn := resolve.CalleeFunc(sv.info, call); fn != nil && fn.Origin().FullName() == "cmp.Or" {
			args = call.Args // cmp.Or(os.Getenv("PORT"), "8080")
		}
		for _, a := range args {
			if _, name, ok := EnvReadOf(sv.info, sv.rules, a); ok {
				keys = appendNew(keys, "$"+name)
			} else if tv := sv.info.Types[a]; tv.Value != nil {
				if t, ok := resolve.ConstText(tv.Value); ok && addrval.ValidPort(strings.TrimPrefix(t, ":")) {
					keys = appendNew(keys, "port "+strings.TrimPrefix(t, ":"))
				}
			}
		}
	}
	return keys
}

// portLeaves lists the vals that hold a site's port: the last operand of
// a concatenation, the port of net.JoinHostPort, the last argument of
// fmt.Sprintf, through variables, fields and helpers.
func portLeaves(v *resolve.Val, out []*resolve.Val) []*resolve.Val {
	if v == nil {
		return out
	}
	switch v.Form {
	case resolve.FormConcat:
		ops := v.Operands()
		return portLeaves(ops[len(ops)-1], out)
	case resolve.FormJoin, resolve.FormIPAddr:
		return portLeaves(v.Parts[1], out)
	case resolve.FormSprintf:
		return portLeaves(v.Parts[len(v.Parts)-1], out)
	case resolve.FormVar, resolve.FormField, resolve.FormCall, resolve.FormResolve:
		for _, p := range v.Parts {
			out = portLeaves(p, out)
		}
		if v.Form != resolve.FormCall || len(v.Parts) > 0 {
			return out
		}
	}
	return append(out, v)
}

type envRead struct {
	Call *ast.CallExpr
	Fn   string // "os.Getenv"
	Name string
	In   ast.Node // the function declaration holding the call, or nil
}

// envRead records a read of an environment variable with a constant name.
func (c *checker) envRead(cur inspector.Cursor, call *ast.CallExpr) {
	fn, name, ok := EnvReadOf(c.pass.TypesInfo, c.rules, call)
	if !ok {
		return
	}
	r := envRead{Call: call, Fn: fn, Name: name}
	for decl := range cur.Enclosing((*ast.FuncDecl)(nil)) {
		r.In = decl.Node()
	}
	c.EnvReads = append(c.EnvReads, r)
}

// EnvReadOf returns the reader and the variable a call such as
// os.Getenv("PORT") reads.
func EnvReadOf(info *types.Info, rules *listenapi.RuleSet, e ast.Expr) (fn, name string, ok bool) {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok || len(call.Args) != 1 {
		return "", "", false
	}
	f := resolve.CalleeFunc(info, call)
	tv := info.Types[call.Args[0]]
	if f == nil || !rules.EnvReaders[f.FullName()] || tv.Value == nil || tv.Value.Kind() != constant.String {
		return "", "", false
	}
	return f.FullName(), constant.StringVal(tv.Value), true
}
