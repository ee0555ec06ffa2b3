package resolve

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"

	"github.com/portlint/portlint/internal/addrval"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"
)

// Services often list their listeners in a package-level table:
//
//	var listeners = []string{":8080", ":9090"}
//	for _, a := range listeners { go http.ListenAndServe(a, nil) }
//
// A variable the package controls, initialised with a slice, array or
// map literal and only ever ranged over, indexed or measured, is frozen:
// a variable ranging over it takes each element, listeners[0] the first.
// A struct (or the one pointer to it) whose fields are only ever read is
// frozen too: var settings = &Settings{Bind: ":5300"}.

// frozenElems returns the literal of the frozen variable e names, or
// ok=false when it is not frozen.
func (r *Resolver) frozenElems(e ast.Expr) (lit *ast.CompositeLit, ok bool) {
	v, isVar := r.info.Uses[ident(e)].(*types.Var)
	if !isVar {
		return nil, false
	}
	if lit, ok := r.frozen[v]; ok {
		return lit, lit != nil
	}
	if r.frozen == nil {
		r.frozen = make(map[*types.Var]*ast.CompositeLit)
	}
	r.frozen[v] = nil // a cycle through its own elements is unknown
	defs, ok := r.lookup(v)
	if !ok || len(defs) != 1 || defs[0].Index >= 0 {
		return nil, false
	}
	rhs := ast.Unparen(defs[0].Rhs)
	if u, isAddr := rhs.(*ast.UnaryExpr); isAddr && u.Op == token.AND {
		rhs = ast.Unparen(u.X) // &Settings{…}: the variable is the one pointer to it
	}
	lit, ok = rhs.(*ast.CompositeLit)
	if !ok {
		return nil, false
	}
	switch r.info.TypeOf(lit).Underlying().(type) {
	case *types.Slice, *types.Array, *types.Map:
		if rhs != ast.Unparen(defs[0].Rhs) {
			return nil, false
		}
	case *types.Struct:
	default:
		return nil, false
	}
	if !onlyRead(r.info, r.Vars.Uses(v), func(m *types.Func) bool { only, _ := r.readsRecv(m); return m.Pkg() == r.pkg && only }) {
		return nil, false
	}
	r.frozen[v] = lit
	return lit, true
}

// onlyRead reports whether the uses of a variable only read what it
// holds: a list ranged over, indexed or measured, a struct's fields read,
// a method reader accepts called. Anything else (a write, an address, an
// element's field, slicing, copy, sort.Strings) may change its values.
func onlyRead(info *types.Info, uses []inspector.Cursor, reader func(*types.Func) bool) bool {
	for _, cur := range uses {
		switch cur.ParentEdgeKind() {
		case edge.SelectorExpr_X:
			// A struct's fields, read and never written: a method, a
			// field's address or a write could change them.
			s := info.Selections[cur.Parent().Node().(*ast.SelectorExpr)]
			if m, ok := s.Obj().(*types.Func); ok && reader != nil && s.Kind() == types.MethodVal && reader(m) {
				continue // cfg.Addr()
			}
			if !fieldReadOnly(info, cur.Parent()) {
				return false
			}
		case edge.RangeStmt_X:
		case edge.IndexExpr_X:
			if Written(cur.Parent()) || cur.Parent().ParentEdgeKind() == edge.SelectorExpr_X {
				return false // written, its address taken, or a field of an element
			}
		case edge.CallExpr_Args:
			if b, ok := info.Uses[ident(cur.Parent().Node().(*ast.CallExpr).Fun)].(*types.Builtin); !ok || b.Name() != "len" && b.Name() != "cap" {
				return false
			}
		default:
			return false
		}
	}
	return true
}

// ident returns the identifier e is, or nil.
// Unaddr returns e without parentheses or a leading &: &T{…} is T{…}.
func Unaddr(e ast.Expr) ast.Expr {
	e = ast.Unparen(e)
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		return ast.Unparen(u.X)
	}
	return e
}

func ident(e ast.Expr) *ast.Ident {
	id, _ := ast.Unparen(e).(*ast.Ident)
	return id
}

// elemDefs returns the definitions of a variable ranging over a table
// (loop): its own and each element; nil when the table is not frozen.
func (r *Resolver) elemDefs(own []def, loop *ast.RangeStmt) []def {
	lit, ok := r.frozenElems(loop.X)
	if !ok {
		return nil
	}
	return rangedDefs(append([]def(nil), own...), lit, loop)
}

// rangedDefs appends to defs the elements of a list literal a variable
// ranging over it in loop takes in turn.
func rangedDefs(defs []def, lit *ast.CompositeLit, loop *ast.RangeStmt) []def {
	for _, elt := range lit.Elts {
		if kv, ok := elt.(*ast.KeyValueExpr); ok {
			elt = kv.Value
		}
		defs = append(defs, def{Rhs: elt, Index: -1, pos: elt.Pos(), loop: loop})
	}
	return defs
}

// element resolves table[i] of a frozen table as a variable whose
// definitions are the elements a constant index or key selects, else all.
func (r *Resolver) element(written ast.Expr, x *ast.IndexExpr) *Val {
	lit, ok := r.frozenElems(x.X)
	if !ok {
		return nil
	}
	key := r.info.Types[x.Index].Value
	var defs []def
	for i, d := range rangedDefs(nil, lit, nil) {
		var at constant.Value
		switch kv, keyed := lit.Elts[i].(*ast.KeyValueExpr); {
		case keyed:
			at = r.info.Types[kv.Key].Value
		case !IsKeyed(lit):
			at = constant.MakeInt64(int64(i))
		}
		if key == nil || at != nil && at.Kind() == key.Kind() && constant.Compare(at, token.EQL, key) {
			defs = append(defs, d)
		}
	}
	if len(defs) == 0 {
		return leaf(written, addrval.Unknown())
	}
	out := r.variable(written, r.info.Uses[ident(x.X)].(*types.Var), defs, nil, r.defStr(r.info.TypeOf(x)))
	if key == nil && len(defs) > 1 {
		out.Loop = indexLoop(r.info, r.Decls, x)
	}
	return out
}

// indexLoop returns the body of the loop whose variable indexes table[i]
// (for i := range table, for i := 0; …; i++), where it takes each element.
func indexLoop(info *types.Info, decls *DeclCursors, x *ast.IndexExpr) *ast.BlockStmt {
	v, ok := info.Uses[ident(x.Index)].(*types.Var)
	if !ok {
		return nil
	}
	switch loop := definingLoop(decls, v).(type) {
	case *ast.RangeStmt:
		return loop.Body
	case *ast.ForStmt:
		return loop.Body
	}
	return nil
}

// elementsLoop returns the body of the range statement in which a
// variable takes two or more of defs in turn, or nil.
func elementsLoop(defs []def) *ast.BlockStmt {
	n := 0
	var loop *ast.RangeStmt
	for _, d := range defs {
		if d.loop != nil && (loop == nil || d.loop == loop) {
			loop = d.loop
			n++
		}
	}
	if n < 2 {
		return nil
	}
	return loop.Body
}
