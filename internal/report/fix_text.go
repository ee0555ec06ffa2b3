package report

import (
	"fmt"
	"go/token"
	"go/types"
	"strconv"
	"strings"

	"github.com/portlint/portlint/internal/resolve"
)

// bracket brackets an IPv6 host, for a port to follow.
func bracket(h string) string {
	if strings.Contains(h, ":") {
		return "[" + h + "]"
	}
	return h
}

// schemeHost is the host a fix binds after a scheme ("" for none): tcp6://
// cannot listen on an IPv4 address ("no suitable address found").
func (fx *fixer) schemeHost(scheme string) string {
	if strings.HasSuffix(scheme, "6") && !strings.Contains(fx.host, ":") {
		return "::"
	}
	return fx.host
}

// portExpr reads the port from the environment with port as the default.
func (fx *fixer) portExpr(port string, pos token.Pos) string {
	env := strconv.Quote(fx.env)
	osq := fx.qualifier("os", pos)
	if fx.modern {
		return fmt.Sprintf("%sOr(%sGetenv(%s), %s)", fx.qualifier("cmp", pos), osq, env, strconv.Quote(port))
	}
	return fmt.Sprintf("func() string { if p := %sGetenv(%s); p != \"\" { return p }; return %s }()", osq, env, strconv.Quote(port))
}

// portIntExpr is portExpr for an integer port of type t (an int, a uint16
// parameter, a named Port type).
func (fx *fixer) portIntExpr(port string, t types.Type, pos token.Pos) string {
	typ, conv := "int", "p"
	if !types.Identical(types.Default(t), types.Typ[types.Int]) {
		typ = fx.typeText(t, pos)
		conv = typ + "(p)"
	}
	return fmt.Sprintf("func() %s { if p, err := %sAtoi(%sGetenv(%s)); err == nil { return %s }; return %s }()",
		typ, fx.qualifier("strconv", pos), fx.qualifier("os", pos), strconv.Quote(fx.env), conv, port)
}

// converted converts a string expression written at pos to t, a named
// string type (a parameter of type Port), where it is one.
func (fx *fixer) converted(t types.Type, text string, pos token.Pos) string {
	if types.Identical(types.Default(t), types.Typ[types.String]) {
		return text
	}
	return fx.typeText(t, pos) + "(" + text + ")"
}

// typeText writes t as code at pos, importing the package that names it.
func (fx *fixer) typeText(t types.Type, pos token.Pos) string {
	return types.TypeString(t, func(p *types.Package) string {
		if p == fx.pass.Pkg {
			return ""
		}
		return strings.TrimSuffix(fx.importerAt(pos).qualifier(p.Path(), p.Name(), pos), ".")
	})
}

// nameable reports whether t is a string or integer type (by info) that a
// fix in this package can write: basic, or named here or exported.
func (fx *fixer) nameable(t types.Type, info types.BasicInfo) bool {
	if t == nil || !resolve.IsBasic(t.Underlying(), info) {
		return false
	}
	n, ok := types.Unalias(t).(*types.Named)
	return !ok || n.Obj().Pkg() == fx.pass.Pkg || n.Obj().Exported() && n.TypeArgs() == nil
}
