package sites

import (
	"fmt"
	"go/ast"
	"go/types"
	"slices"

	"github.com/portlint/portlint/internal/addrval"
	"github.com/portlint/portlint/internal/listenapi"
	"github.com/portlint/portlint/internal/resolve"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"
)

// Servers started without any address listen on a default port: an
// http.Server whose Addr is never set listens on :http (:https with TLS),
// and hertz's server.Default()/New() without server.WithHostPorts on
// :8888. These are hard-coded ports too. The rules are implicitRule rows
// of the rule set.

// ImplicitSite is what a fix needs to give such a server an address.
type ImplicitSite struct {
	Rule listenapi.ImplicitRule
	Call *ast.CallExpr
	Recv *ast.Ident       // implicitField: the server variable
	Stmt inspector.Cursor // implicitField: the statement to precede with srv.Addr = …
}

func (c *checker) implicitCall(cur inspector.Cursor, call *ast.CallExpr, fn *types.Func, rule listenapi.ImplicitRule) {
	is := &ImplicitSite{Rule: rule, Call: call}
	var why string
	switch rule.Kind {
	case listenapi.ImplicitField:
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if !ok {
			return
		}
		recv, ok := ast.Unparen(sel.X).(*ast.Ident)
		if !ok || !c.addressNeverSet(recv, rule.Field) {
			return
		}
		is.Recv = recv
		is.Stmt = enclosingStmt(cur)
		why = fmt.Sprintf("its %s is empty", rule.Field)
	case listenapi.ImplicitOption:
		if call.Ellipsis.IsValid() {
			return // options from a slice: unknown
		}
		for _, arg := range call.Args {
			opt, ok := ast.Unparen(arg).(*ast.CallExpr)
			if !ok {
				return
			}
			f, ok := typeutil.Callee(c.pass.TypesInfo, opt).(*types.Func)
			if !ok || f.Pkg() != fn.Pkg() || f.FullName() == rule.Option || slices.Contains(rule.Moot, f.FullName()) {
				return // an unknown option, or one that sets the address
			}
		}
		why = fmt.Sprintf("without %s", ShortType(rule.Option))
	}
	s := Site{
		API:  apiName(fn) + " (" + why + ")",
		Expr: call,
		// As an empty address: the rule's port on all interfaces.
		Alts:     addrval.SplitAll(addrval.Known("", call.Pos()), rule.Port),
		Implicit: is,
		call:     call,
	}
	c.record(s)
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
	index := c.res.Vars.Of(v)
	defs := index.Defs[v]
	if len(defs) == 0 || len(index.FieldDefs[resolve.FieldKey{Var: v, Field: field}]) > 0 {
		return false
	}
	for _, d := range defs {
		if d.Rhs == nil {
			continue
		}
		lit := defLit(d.Rhs, d.Index)
		if lit == nil {
			return false
		}
		if _, set := resolve.KeyedField(lit, field); set || len(lit.Elts) > 0 && !resolve.IsKeyed(lit) {
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
	uses := resolve.LocalUses(c.pass.TypesInfo, c.res.Decls, v)
	if len(uses) == 0 {
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
