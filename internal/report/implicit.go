package report

import (
	"fmt"
	"go/token"
	"strconv"
	"strings"

	"github.com/portlint/portlint/internal/listenapi"
	"github.com/portlint/portlint/internal/sites"
)

// implicitFix gives a server without an address one: srv.Addr = … before
// the statement that starts it, or server.WithHostPorts(…) among the
// constructor's options.
func (fx *fixer) implicitFix(is *sites.ImplicitSite) bool {
	port := is.Rule.Port
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

// allInterfaces is the fix's address: the configured host, and the port
// from the environment with port as the default.
func (fx *fixer) allInterfaces(port string, pos token.Pos) string {
	return fmt.Sprintf("%sJoinHostPort(%s, %s)", fx.qualifier("net", pos), strconv.Quote(fx.host), fx.portExpr(port, pos))
}
