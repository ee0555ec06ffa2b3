package resolve

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"
)

// indexNodes are the nodes that define a variable or make it opaque.
var indexNodes = []ast.Node{
	(*ast.AssignStmt)(nil), (*ast.ValueSpec)(nil), (*ast.UnaryExpr)(nil), (*ast.SelectorExpr)(nil),
	(*ast.RangeStmt)(nil), (*ast.IncDecStmt)(nil), (*ast.FuncDecl)(nil), (*ast.FuncLit)(nil),
}

// add records the definitions in the subtree at root of the variables
// only accepts (all when only is nil).
func (x *varIndex) add(root inspector.Cursor, info *types.Info, only *varFilter) {
	rec := recorder{x, info, only}
	for cur := range root.Preorder(indexNodes...) {
		rec.node(cur)
	}
}

// A recorder records into an index what one node says of the variables
// its filter accepts.
type recorder struct {
	x    *varIndex
	info *types.Info
	only *varFilter
}

func (rec recorder) varOf(e ast.Expr) *types.Var {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok || !rec.only.ident(id) {
		return nil
	}
	if v, _ := rec.info.ObjectOf(id).(*types.Var); v != nil && rec.only.keeps(v) {
		return v
	}
	return nil
}

// rootVarOf returns the variable at the root of a field selection chain
// (cfg for cfg.Addr), as varOf does for a variable.
func (rec recorder) rootVarOf(e ast.Expr) *types.Var {
	for {
		switch x := ast.Unparen(e).(type) {
		case *ast.Ident:
			return rec.varOf(x)
		case *ast.SelectorExpr:
			if _, s := fieldSel(rec.info, x); s == nil {
				return nil
			}
			e = x.X
		default:
			return nil
		}
	}
}

// markFields makes parameters opaque and gives named results their zero
// value, unless the body's first statement assigns them.
func (rec recorder) markFields(fl *ast.FieldList, opaque bool, body *ast.BlockStmt) {
	if fl == nil {
		return
	}
	x := rec.x
	for _, f := range fl.List {
		for _, n := range f.Names {
			v := rec.varOf(n)
			switch {
			case v == nil:
			case opaque:
				x.Params[v] = true
			case body != nil && definitelyAssigns(body.List, isVar(v, rec.info)):
			default:
				x.Defs[v] = append(x.Defs[v], def{Index: -1, pos: n.Pos()})
			}
		}
	}
}

// eachWrite calls f for each target a write node (an assignment, ++,
// &x, a range) writes, with the value it is given: nil when out of sight
// (op-assignment, ++, its address taken, ranged), index >= 0 for one
// result of a tuple. The variable index and the field model (fieldWrites)
// both read writes through it.
func eachWrite(n ast.Node, f func(lhs, rhs ast.Expr, index int)) {
	switch n := n.(type) {
	case *ast.AssignStmt:
		for i, l := range n.Lhs {
			switch {
			case n.Tok != token.ASSIGN && n.Tok != token.DEFINE:
				f(l, nil, -1) // x += ...
			case len(n.Lhs) == len(n.Rhs):
				f(l, n.Rhs[i], -1)
			case len(n.Rhs) == 1:
				f(l, n.Rhs[0], i)
			}
		}
	case *ast.IncDecStmt:
		f(n.X, nil, -1)
	case *ast.UnaryExpr:
		if n.Op == token.AND {
			f(n.X, nil, -1) // &x, &cfg.Addr
		}
	case *ast.RangeStmt:
		f(n.Key, nil, -1)
		f(n.Value, nil, -1)
	}
}

// write records a write of lhs (eachWrite): a variable's definition,
// v.F's, or else it makes the variable at the root of lhs (x, cfg.Addr)
// opaque.
func (rec recorder) write(lhs, rhs ast.Expr, index int, pos token.Pos, next []ast.Stmt) {
	if v := rec.varOf(lhs); v != nil && rhs != nil {
		rec.x.Defs[v] = append(rec.x.Defs[v], def{Rhs: rhs, Index: index, pos: pos, next: next})
		return
	}
	sel, isSel := ast.Unparen(lhs).(*ast.SelectorExpr)
	v := rec.rootVarOf(lhs)
	if isSel && v != nil && index < 0 && v == rec.info.ObjectOf(ident(sel.X)) {
		k := FieldKey{v, sel.Sel.Name}
		if rhs == nil {
			rec.x.FieldOpaque[k] = true // flag.IntVar(&cfg.Port, …) leaves cfg.Host known
		} else {
			rec.x.FieldDefs[k] = append(rec.x.FieldDefs[k], def{Rhs: rhs, Index: -1, pos: pos})
		}
	} else if v != nil {
		rec.x.Opaque[v] = true
	}
}

// node records what the node at cur, one of indexNodes, says.
func (rec recorder) node(cur inspector.Cursor) {
	x, info := rec.x, rec.info
	switch n := cur.Node().(type) {
	case *ast.AssignStmt, *ast.IncDecStmt, *ast.UnaryExpr:
		next := following(cur)
		eachWrite(n, func(lhs, rhs ast.Expr, index int) { rec.write(lhs, rhs, index, n.Pos(), next) })
	case *ast.ValueSpec:
		next := following(cur.Parent().Parent()) // ValueSpec -> GenDecl -> DeclStmt
		for i, name := range n.Names {
			v := rec.varOf(name)
			if v == nil {
				continue
			}
			d := def{Index: -1, pos: name.Pos(), next: next}
			switch {
			case len(n.Values) == len(n.Names):
				d.Rhs = n.Values[i]
			case len(n.Values) == 1:
				d.Rhs, d.Index = n.Values[0], i
			case definitelyAssigns(d.next, isVar(v, info)):
				continue // var x T; x = …: the zero value never reaches a use
			}
			x.Defs[v] = append(x.Defs[v], d)
		}
	case *ast.SelectorExpr:
		// cfg.Set(…) with a pointer receiver takes &cfg implicitly.
		if s := info.Selections[n]; s != nil && s.Kind() == types.MethodVal && !s.Indirect() {
			if _, ptrRecv := s.Obj().Type().(*types.Signature).Recv().Type().(*types.Pointer); ptrRecv {
				rec.write(n.X, nil, -1, 0, nil)
			}
		}
	case *ast.RangeStmt:
		// for _, a := range []string{":3000", ":3001"}: a takes each
		// element in turn.
		lit, isLit := ast.Unparen(n.X).(*ast.CompositeLit)
		_, isIdent := ast.Unparen(n.X).(*ast.Ident)
		switch v := rec.varOf(n.Value); {
		case v != nil && isLit && isSliceOrArray(info.TypeOf(lit)):
			x.Defs[v] = rangedDefs(x.Defs[v], lit, n)
		case v != nil && isIdent && n.Tok == token.DEFINE:
			x.elems[v] = n
		default:
			rec.write(n.Value, nil, -1, 0, nil)
		}
		rec.write(n.Key, nil, -1, 0, nil)
	case *ast.FuncDecl:
		rec.markFields(n.Recv, true, nil)
		rec.markFields(n.Type.Params, true, nil)
		rec.markFields(n.Type.Results, false, n.Body)
	case *ast.FuncLit:
		rec.markFields(n.Type.Params, true, nil)
		rec.markFields(n.Type.Results, false, n.Body)
	}
}
