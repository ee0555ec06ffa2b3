package report

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strconv"
	"strings"

	"github.com/portlint/portlint/internal/listenapi"
	"github.com/portlint/portlint/internal/resolve"
	"github.com/portlint/portlint/internal/sites"
)

// implicitFix gives a server without an address one: srv.Addr = … before
// the statement that starts it, or server.WithHostPorts(…) among the
// constructor's options.
func (fx *fixer) implicitFix(is *sites.ImplicitSite, port string, role resolve.Role) bool {
	if is.Lit != nil {
		return fx.addField(is.Lit, is.Field, port, role)
	}
	switch is.Rule.Kind {
	case listenapi.ImplicitField:
		if !is.Stmt.Valid() {
			return false
		}
		stmt := is.Stmt.Node()
		addr := fx.allInterfaces(port, stmt.Pos())
		col := fx.pass.Fset.Position(stmt.Pos()).Column
		text := fmt.Sprintf("%s.%s = %s\n%s", is.Recv.Name, is.Rule.Field, addr, strings.Repeat("\t", col-1))
		fx.edits = append(fx.edits, insertAt(stmt.Pos(), text))
	case listenapi.ImplicitOption:
		pkg := listenapi.PkgOfFullName(is.Rule.Option)
		opt := fmt.Sprintf("%s%s(%s)", fx.qualifier(pkg, is.Call.Pos()), is.Rule.Option[len(pkg)+1:], fx.allInterfaces(port, is.Call.Pos()))
		if n := len(is.Call.Args); n > 0 {
			fx.edits = append(fx.edits, insertAt(is.Call.Args[n-1].End(), ", "+opt))
		} else {
			fx.edits = append(fx.edits, insertAt(is.Call.Rparen, opt))
		}
	default:
		return false
	}
	fx.wholeAddr = true
	return true
}

// addField gives a literal the sink field it leaves out (Config{Name:
// "app"} → Config{Name: "app", Addr: …}): the address, or the port in
// the field's type.
func (fx *fixer) addField(lit *ast.CompositeLit, f *types.Var, port string, role resolve.Role) bool {
	var value string
	switch {
	case role == resolve.RoleAddress && resolve.IsBasic(f.Type(), types.IsString):
		value = fx.allInterfaces(port, lit.Pos())
	case role == resolve.RolePort && resolve.IsBasic(f.Type(), types.IsString):
		value = fx.portExpr(port, lit.Pos())
	case role == resolve.RolePort:
		value = fx.portIntExpr(port, f.Type(), lit.Pos())
	default:
		return false // a host alone: its port is not here
	}
	at, sep := lit.Rbrace, ""
	if n := len(lit.Elts); n > 0 {
		at, sep = lit.Elts[n-1].End(), ", "
	}
	fx.edits = append(fx.edits, insertAt(at, sep+f.Name()+": "+value))
	fx.wholeAddr = role == resolve.RoleAddress
	return true
}

// allInterfaces is the fix's address: the configured host, and the port
// from the environment with port as the default.
func (fx *fixer) allInterfaces(port string, pos token.Pos) string {
	return fmt.Sprintf("%sJoinHostPort(%s, %s)", fx.qualifier("net", pos), strconv.Quote(fx.host), fx.portExpr(port, pos))
}
