package analyzer

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"
)

// def is one definition reaching a variable: the value assigned, or the
// zero value when rhs is nil. index >= 0 selects one result of a
// multi-value rhs (a, err := net.ResolveTCPAddr(...)).
type def struct {
	rhs   ast.Expr
	index int
	pos   token.Pos // the defining statement, for fixes and related info
}

// varIndex maps each trackable variable of the package to all its
// definitions. It is built once per package, on first need, by one pass
// over the syntax; variables whose value can change in ways the pass does
// not see (address taken, op-assigned, ranged over, parameters) are opaque.
type varIndex struct {
	defs   map[*types.Var][]def
	opaque map[*types.Var]bool
}

func buildVarIndex(insp *inspector.Inspector, info *types.Info) *varIndex {
	x := &varIndex{defs: make(map[*types.Var][]def), opaque: make(map[*types.Var]bool)}
	varOf := func(e ast.Expr) *types.Var {
		id, ok := ast.Unparen(e).(*ast.Ident)
		if !ok {
			return nil
		}
		v, _ := info.ObjectOf(id).(*types.Var)
		return v
	}
	markFields := func(fl *ast.FieldList, opaque bool) {
		if fl == nil {
			return
		}
		for _, f := range fl.List {
			for _, n := range f.Names {
				if v := varOf(n); v != nil {
					if opaque {
						x.opaque[v] = true
					} else {
						x.defs[v] = append(x.defs[v], def{index: -1, pos: n.Pos()})
					}
				}
			}
		}
	}
	filter := []ast.Node{
		(*ast.AssignStmt)(nil), (*ast.ValueSpec)(nil), (*ast.UnaryExpr)(nil),
		(*ast.RangeStmt)(nil), (*ast.IncDecStmt)(nil), (*ast.FuncDecl)(nil), (*ast.FuncLit)(nil),
	}
	for cur := range insp.Root().Preorder(filter...) {
		switch n := cur.Node().(type) {
		case *ast.AssignStmt:
			switch {
			case n.Tok != token.ASSIGN && n.Tok != token.DEFINE:
				for _, l := range n.Lhs { // x += ...
					if v := varOf(l); v != nil {
						x.opaque[v] = true
					}
				}
			case len(n.Lhs) == len(n.Rhs):
				for i, l := range n.Lhs {
					if v := varOf(l); v != nil {
						x.defs[v] = append(x.defs[v], def{rhs: n.Rhs[i], index: -1, pos: n.Pos()})
					}
				}
			case len(n.Rhs) == 1:
				for i, l := range n.Lhs {
					if v := varOf(l); v != nil {
						x.defs[v] = append(x.defs[v], def{rhs: n.Rhs[0], index: i, pos: n.Pos()})
					}
				}
			}
		case *ast.ValueSpec:
			for i, name := range n.Names {
				v := varOf(name)
				if v == nil {
					continue
				}
				d := def{index: -1, pos: name.Pos()}
				switch {
				case len(n.Values) == len(n.Names):
					d.rhs = n.Values[i]
				case len(n.Values) == 1:
					d.rhs, d.index = n.Values[0], i
				case assignedNext(cur, v, info):
					continue // var x T; x = …: the zero value never reaches a use
				}
				x.defs[v] = append(x.defs[v], d)
			}
		case *ast.UnaryExpr:
			if n.Op == token.AND {
				if v := varOf(n.X); v != nil {
					x.opaque[v] = true
				}
			}
		case *ast.RangeStmt:
			for _, e := range []ast.Expr{n.Key, n.Value} {
				if v := varOf(e); v != nil {
					x.opaque[v] = true
				}
			}
		case *ast.IncDecStmt:
			if v := varOf(n.X); v != nil {
				x.opaque[v] = true
			}
		case *ast.FuncDecl:
			markFields(n.Recv, true)
			markFields(n.Type.Params, true)
			markFields(n.Type.Results, false) // named results start at zero
		case *ast.FuncLit:
			markFields(n.Type.Params, true)
			markFields(n.Type.Results, false)
		}
	}
	return x
}

// assignedNext reports whether the statement after the declaration at
// spec definitely assigns v: a plain assignment, or an if/else chain or a
// switch with default whose every branch starts by assigning it.
func assignedNext(spec inspector.Cursor, v *types.Var, info *types.Info) bool {
	decl := spec.Parent().Parent() // ValueSpec -> GenDecl -> DeclStmt
	if _, ok := decl.Node().(*ast.DeclStmt); !ok {
		return false
	}
	next, ok := decl.NextSibling()
	return ok && definitelyAssigns(next.Node(), v, info)
}

func definitelyAssigns(n ast.Node, v *types.Var, info *types.Info) bool {
	switch n := n.(type) {
	case *ast.AssignStmt:
		if n.Tok == token.ASSIGN {
			for _, l := range n.Lhs {
				if id, ok := ast.Unparen(l).(*ast.Ident); ok && info.Uses[id] == v {
					return true
				}
			}
		}
	case *ast.BlockStmt:
		return len(n.List) > 0 && definitelyAssigns(n.List[0], v, info)
	case *ast.IfStmt:
		return n.Else != nil && definitelyAssigns(n.Body, v, info) && definitelyAssigns(n.Else, v, info)
	case *ast.SwitchStmt:
		hasDefault := false
		for _, s := range n.Body.List {
			cc := s.(*ast.CaseClause)
			if cc.List == nil {
				hasDefault = true
			}
			if len(cc.Body) == 0 || !definitelyAssigns(cc.Body[0], v, info) {
				return false
			}
		}
		return hasDefault
	}
	return false
}

// lookup returns the definitions of v, or ok=false when v's value is not
// provably confined to the definitions in this package.
func (x *varIndex) lookup(v *types.Var, pkg *types.Package) ([]def, bool) {
	if v.IsField() || v.Pkg() != pkg || x.opaque[v] {
		return nil, false
	}
	if v.Parent() == pkg.Scope() && v.Exported() {
		return nil, false // other packages may assign it
	}
	defs := x.defs[v]
	return defs, len(defs) > 0
}
