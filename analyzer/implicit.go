package analyzer

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strconv"
	"strings"

	"github.com/portlint/portlint/internal/addrval"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"
)

// Servers started without any address listen on a default port: an
// http.Server whose Addr is never set listens on :http (:https with TLS),
// and hertz's server.Default()/New() without server.WithHostPorts on
// :8888. These are hard-coded ports too. The rules are implicitRule rows
// of the rule set.

// implicitSite is what a fix needs to give such a server an address.
type implicitSite struct {
	rule implicitRule
	call *ast.CallExpr
	recv *ast.Ident       // implicitField: the server variable
	stmt inspector.Cursor // implicitField: the statement to precede with srv.Addr = …
}

func (c *checker) implicitCall(cur inspector.Cursor, call *ast.CallExpr, fn *types.Func, rule implicitRule) {
	is := &implicitSite{rule: rule, call: call}
	var why string
	switch rule.kind {
	case implicitField:
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if !ok {
			return
		}
		recv, ok := ast.Unparen(sel.X).(*ast.Ident)
		if !ok || !c.addressNeverSet(recv, rule.field) {
			return
		}
		is.recv = recv
		is.stmt = enclosingStmt(cur)
		why = fmt.Sprintf("its %s is empty", rule.field)
	case implicitOption:
		if call.Ellipsis.IsValid() {
			return // options from a slice: unknown
		}
		for _, arg := range call.Args {
			opt, ok := ast.Unparen(arg).(*ast.CallExpr)
			if !ok {
				return
			}
			f, ok := typeutil.Callee(c.pass.TypesInfo, opt).(*types.Func)
			if !ok || f.Pkg() != fn.Pkg() || f.FullName() == rule.option || slices.Contains(rule.moot, f.FullName()) {
				return // an unknown option, or one that sets the address
			}
		}
		why = fmt.Sprintf("without %s", shortType(rule.option))
	}
	pos := call.Pos()
	s := site{
		api:      apiName(fn),
		expr:     call,
		alts:     []addrval.Alt{{Host: addrval.Part{Text: "", Known: true, Pos: pos}, Port: addrval.Part{Text: rule.port, Known: true, Pos: pos}, HasPort: true, Implicit: true}},
		implicit: is,
		call:     call,
	}
	s.api += " (" + why + ")"
	c.learn.record(s)
}

// addressNeverSet reports whether srv is a local server variable whose
// address field is provably never set: every definition is a literal
// without the field (or the zero value), no srv.Addr = … exists, and srv
// is used only to select its fields and methods, so no other code can
// set it.
func (c *checker) addressNeverSet(srv *ast.Ident, field string) bool {
	v, ok := c.pass.TypesInfo.Uses[srv].(*types.Var)
	if !ok || v.Pkg() != c.pass.Pkg || v.Parent() == c.pass.Pkg.Scope() || v.IsField() {
		return false
	}
	index := c.res.vars.of(v)
	defs := index.defs[v]
	if len(defs) == 0 || len(index.fieldDefs[fieldKey{v, field}]) > 0 {
		return false
	}
	for _, d := range defs {
		if d.rhs == nil {
			continue
		}
		e := ast.Unparen(d.rhs)
		if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
			e = ast.Unparen(u.X)
		}
		lit, ok := e.(*ast.CompositeLit)
		if !ok || d.index >= 0 {
			return false
		}
		if _, set := keyedField(lit, field); set || len(lit.Elts) > 0 && !isKeyed(lit) {
			return false
		}
	}
	_, escapes := c.selectionsOf(v)
	return !escapes
}

// selectionsOf lists the field and method names selected on the local
// variable v in the function declaring it, and reports whether v is used
// in any other way than v.X or as an assignment target (passed, aliased,
// address taken), through which other code could reach it.
func (c *checker) selectionsOf(v *types.Var) (names []string, escapes bool) {
	uses, ok := localUses(c.pass.TypesInfo, c.res.decls, v)
	if !ok {
		return nil, true
	}
	for _, idCur := range uses {
		switch idCur.ParentEdgeKind() {
		case edge.SelectorExpr_X:
			names = append(names, idCur.Parent().Node().(*ast.SelectorExpr).Sel.Name)
		case edge.AssignStmt_Lhs:
		default:
			return nil, true
		}
	}
	return names, false
}

// localUses returns the uses of the local variable v in the function (or
// function literal) that declares it.
func localUses(info *types.Info, decls *declCursors, v *types.Var) ([]inspector.Cursor, bool) {
	body, ok := decls.find(v.Pos(), v.Pos())
	if !ok {
		return nil, false
	}
	for fn := range body.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		body = fn
		break
	}
	var uses []inspector.Cursor
	for idCur := range body.Preorder((*ast.Ident)(nil)) {
		if info.Uses[idCur.Node().(*ast.Ident)] == v {
			uses = append(uses, idCur)
		}
	}
	return uses, true
}

// enclosingStmt returns the statement, directly in a block or case
// clause, that contains cur.
func enclosingStmt(cur inspector.Cursor) inspector.Cursor {
	for c := cur; c.Valid(); c = c.Parent() {
		switch c.ParentEdgeKind() {
		case edge.BlockStmt_List, edge.CaseClause_Body, edge.CommClause_Body:
			return c
		}
	}
	return inspector.Cursor{}
}

// implicitFix gives a server without an address one: srv.Addr = … before
// the statement that starts it, or server.WithHostPorts(…) among the
// constructor's options.
func (fx *fixer) implicitFix(is *implicitSite) bool {
	port := is.rule.port
	switch is.rule.kind {
	case implicitField:
		if !is.stmt.Valid() {
			return false
		}
		stmt := is.stmt.Node()
		addr := fx.allInterfaces(port, stmt.Pos())
		col := fx.pass.Fset.Position(stmt.Pos()).Column
		text := fmt.Sprintf("%s.%s = %s\n%s", is.recv.Name, is.rule.field, addr, strings.Repeat("\t", col-1))
		fx.edits = append(fx.edits, insertAt(stmt.Pos(), text))
		fx.boundHost = true
		return true
	case implicitOption:
		pkg := pkgOfFullName(is.rule.option)
		opt := fmt.Sprintf("%s%s(%s)", fx.qualifier(pkg, is.call.Pos()), is.rule.option[len(pkg)+1:], fx.allInterfaces(port, is.call.Pos()))
		if n := len(is.call.Args); n > 0 {
			fx.edits = append(fx.edits, insertAt(is.call.Args[n-1].End(), ", "+opt))
		} else {
			fx.edits = append(fx.edits, insertAt(is.call.Rparen, opt))
		}
		fx.boundHost = true
		return true
	}
	return false
}

// allInterfaces is the fix's address: the configured host and the port
// from the environment, with port as the default.
func (fx *fixer) allInterfaces(port string, pos token.Pos) string {
	return fmt.Sprintf("%sJoinHostPort(%s, %s)", fx.qualifier("net", pos), strconv.Quote(fx.host), fx.portExpr(port, pos))
}
