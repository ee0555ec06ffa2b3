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
	next  ast.Node  // the statement after the definition, if known
}

// varIndex maps each trackable variable of a function declaration (or of
// the package, see varIndexes) to all its definitions, found by one walk
// of its syntax; variables whose value can change in ways the pass does
// not see (address taken, op-assigned, ranged over, parameters) are opaque.
type varIndex struct {
	defs   map[*types.Var][]def
	opaque map[*types.Var]bool
	// fieldDefs holds assignments v.F = e to fields of struct-valued
	// variables, by variable and field name.
	fieldDefs map[fieldKey][]def
	// params are function parameters and receivers: their value comes
	// from callers (see params.go).
	params map[*types.Var]bool
}

type fieldKey struct {
	v     *types.Var
	field string
}

// rootVar returns the variable at the root of a field selection chain:
// cfg for cfg.Addr.
func rootVar(e ast.Expr, info *types.Info) *types.Var {
	for {
		switch x := ast.Unparen(e).(type) {
		case *ast.Ident:
			v, _ := info.ObjectOf(x).(*types.Var)
			return v
		case *ast.SelectorExpr:
			if s := info.Selections[x]; s == nil || s.Kind() != types.FieldVal {
				return nil
			}
			e = x.X
		default:
			return nil
		}
	}
}

// varIndexes holds the indexes of a package's variables, each built on
// first need: one per function declaration, for the variables declared in
// it (they cannot be assigned outside it), and one for all others:
// package-level variables, which any function may assign, and the
// variables of function literals outside any function declaration. So a
// lookup of a local variable walks one function, not the package.
type varIndexes struct {
	insp   *inspector.Inspector
	info   *types.Info
	pkg    *types.Package
	byVar  map[*types.Var]*varIndex
	byFunc map[*ast.FuncDecl]*varIndex
	global *varIndex
}

var emptyIndex = newVarIndex()

func newVarIndexes(insp *inspector.Inspector, info *types.Info, pkg *types.Package) *varIndexes {
	return &varIndexes{insp: insp, info: info, pkg: pkg, byVar: make(map[*types.Var]*varIndex), byFunc: make(map[*ast.FuncDecl]*varIndex)}
}

func newVarIndex() *varIndex {
	return &varIndex{defs: make(map[*types.Var][]def), opaque: make(map[*types.Var]bool), fieldDefs: make(map[fieldKey][]def), params: make(map[*types.Var]bool)}
}

// of returns the index that holds v's definitions (an empty one for a
// variable of another package, which the package does not control).
func (xs *varIndexes) of(v *types.Var) *varIndex {
	if v.Pkg() != xs.pkg || v.IsField() {
		return emptyIndex
	}
	if x, ok := xs.byVar[v]; ok {
		return x
	}
	x := xs.globalIndex()
	if v.Parent() != xs.pkg.Scope() {
		if fc, ok := xs.enclosingFuncDecl(v.Pos()); ok {
			fd := fc.Node().(*ast.FuncDecl)
			if x = xs.byFunc[fd]; x == nil {
				x = newVarIndex()
				x.add(fc, xs.info, nil)
				xs.byFunc[fd] = x
			}
		}
	}
	xs.byVar[v] = x
	return x
}

func (xs *varIndexes) enclosingFuncDecl(pos token.Pos) (inspector.Cursor, bool) {
	cur, ok := xs.insp.Root().FindByPos(pos, pos)
	if ok && cur.Node() != nil {
		for fc := range cur.Enclosing((*ast.FuncDecl)(nil)) {
			return fc, true
		}
	}
	return inspector.Cursor{}, false
}

// globalIndex returns the index of the variables not declared in a
// function declaration, built by one walk of the package.
func (xs *varIndexes) globalIndex() *varIndex {
	if xs.global != nil {
		return xs.global
	}
	xs.global = newVarIndex()
	packageLevel := func(v *types.Var) bool { return v.Parent() == xs.pkg.Scope() }
	for file := range xs.insp.Root().Children() {
		for decl := range file.Children() {
			if _, ok := decl.Node().(*ast.FuncDecl); ok {
				xs.global.add(decl, xs.info, packageLevel)
			} else {
				xs.global.add(decl, xs.info, nil)
			}
		}
	}
	return xs.global
}

// add records the definitions in the subtree at root of the variables
// keep accepts (all when keep is nil).
func (x *varIndex) add(root inspector.Cursor, info *types.Info, keep func(*types.Var) bool) {
	varOf := func(e ast.Expr) *types.Var {
		id, ok := ast.Unparen(e).(*ast.Ident)
		if !ok {
			return nil
		}
		v, _ := info.ObjectOf(id).(*types.Var)
		if v != nil && keep != nil && !keep(v) {
			return nil
		}
		return v
	}
	// markFields makes parameters opaque and gives named results their
	// zero value, unless the body's first statement assigns them.
	markFields := func(fl *ast.FieldList, opaque bool, body *ast.BlockStmt) {
		if fl == nil {
			return
		}
		for _, f := range fl.List {
			for _, n := range f.Names {
				v := varOf(n)
				switch {
				case v == nil:
				case opaque:
					x.params[v] = true
				case body != nil && len(body.List) > 0 && definitelyAssigns(body.List[0], isVar(v, info)):
				default:
					x.defs[v] = append(x.defs[v], def{index: -1, pos: n.Pos()})
				}
			}
		}
	}
	// fieldWrite records v.F = rhs (rhs nil: an unknown write).
	fieldWrite := func(lhs ast.Expr, rhs ast.Expr, pos token.Pos) {
		sel, ok := ast.Unparen(lhs).(*ast.SelectorExpr)
		if !ok {
			return
		}
		v := rootVar(sel, info)
		if v == nil || keep != nil && !keep(v) {
			return
		}
		if id, ok := ast.Unparen(sel.X).(*ast.Ident); ok && rhs != nil && info.ObjectOf(id) == v {
			k := fieldKey{v, sel.Sel.Name}
			x.fieldDefs[k] = append(x.fieldDefs[k], def{rhs: rhs, index: -1, pos: pos})
			return
		}
		x.opaque[v] = true // a nested or unknown write
	}
	filter := []ast.Node{
		(*ast.AssignStmt)(nil), (*ast.ValueSpec)(nil), (*ast.UnaryExpr)(nil), (*ast.SelectorExpr)(nil),
		(*ast.RangeStmt)(nil), (*ast.IncDecStmt)(nil), (*ast.FuncDecl)(nil), (*ast.FuncLit)(nil),
	}
	for cur := range root.Preorder(filter...) {
		switch n := cur.Node().(type) {
		case *ast.AssignStmt:
			switch {
			case n.Tok != token.ASSIGN && n.Tok != token.DEFINE:
				for _, l := range n.Lhs { // x += ...
					if v := varOf(l); v != nil {
						x.opaque[v] = true
					}
					fieldWrite(l, nil, n.Pos())
				}
			case len(n.Lhs) == len(n.Rhs):
				var next ast.Node
				if c, ok := cur.NextSibling(); ok {
					next = c.Node()
				}
				for i, l := range n.Lhs {
					if v := varOf(l); v != nil {
						x.defs[v] = append(x.defs[v], def{rhs: n.Rhs[i], index: -1, pos: n.Pos(), next: next})
					}
					fieldWrite(l, n.Rhs[i], n.Pos())
				}
			case len(n.Rhs) == 1:
				for i, l := range n.Lhs {
					if v := varOf(l); v != nil {
						x.defs[v] = append(x.defs[v], def{rhs: n.Rhs[0], index: i, pos: n.Pos()})
					}
					fieldWrite(l, nil, n.Pos())
				}
			}
		case *ast.ValueSpec:
			for i, name := range n.Names {
				v := varOf(name)
				if v == nil {
					continue
				}
				d := def{index: -1, pos: name.Pos(), next: nextStmt(cur)}
				switch {
				case len(n.Values) == len(n.Names):
					d.rhs = n.Values[i]
				case len(n.Values) == 1:
					d.rhs, d.index = n.Values[0], i
				case definitelyAssigns(d.next, isVar(v, info)):
					continue // var x T; x = …: the zero value never reaches a use
				}
				x.defs[v] = append(x.defs[v], d)
			}
		case *ast.UnaryExpr:
			if n.Op == token.AND {
				if v := rootVar(n.X, info); v != nil && (keep == nil || keep(v)) { // &x, &cfg.Addr
					x.opaque[v] = true
				}
			}
		case *ast.SelectorExpr:
			// cfg.Set(…) with a pointer receiver takes &cfg implicitly.
			if s := info.Selections[n]; s != nil && s.Kind() == types.MethodVal && !s.Indirect() {
				if _, ptrRecv := s.Obj().Type().(*types.Signature).Recv().Type().(*types.Pointer); ptrRecv {
					if v := rootVar(n.X, info); v != nil && (keep == nil || keep(v)) {
						x.opaque[v] = true
					}
				}
			}
		case *ast.RangeStmt:
			if v := varOf(n.Value); v != nil {
				// for _, a := range []string{":3000", ":3001"}: a takes
				// each element in turn.
				if lit, ok := ast.Unparen(n.X).(*ast.CompositeLit); ok && isSliceOrArray(info.TypeOf(lit)) {
					for _, elt := range lit.Elts {
						if kv, ok := elt.(*ast.KeyValueExpr); ok {
							elt = kv.Value
						}
						x.defs[v] = append(x.defs[v], def{rhs: elt, index: -1, pos: elt.Pos()})
					}
				} else {
					x.opaque[v] = true
				}
			}
			if v := varOf(n.Key); v != nil {
				x.opaque[v] = true
			}
			fieldWrite(n.Key, nil, n.Pos())
			fieldWrite(n.Value, nil, n.Pos())
		case *ast.IncDecStmt:
			if v := varOf(n.X); v != nil {
				x.opaque[v] = true
			}
			fieldWrite(n.X, nil, n.Pos())
		case *ast.FuncDecl:
			markFields(n.Recv, true, nil)
			markFields(n.Type.Params, true, nil)
			markFields(n.Type.Results, false, n.Body)
		case *ast.FuncLit:
			markFields(n.Type.Params, true, nil)
			markFields(n.Type.Results, false, n.Body)
		}
	}
}

// nextStmt returns the statement after the declaration of spec.
func nextStmt(spec inspector.Cursor) ast.Node {
	decl := spec.Parent().Parent() // ValueSpec -> GenDecl -> DeclStmt
	if _, ok := decl.Node().(*ast.DeclStmt); !ok {
		return nil
	}
	if next, ok := decl.NextSibling(); ok {
		return next.Node()
	}
	return nil
}

// isVar and isField match assignment targets: v, or v.name.
func isVar(v *types.Var, info *types.Info) func(ast.Expr) bool {
	return func(lhs ast.Expr) bool {
		id, ok := ast.Unparen(lhs).(*ast.Ident)
		return ok && info.Uses[id] == v
	}
}

func isField(v *types.Var, name string, info *types.Info) func(ast.Expr) bool {
	return func(lhs ast.Expr) bool {
		sel, ok := ast.Unparen(lhs).(*ast.SelectorExpr)
		return ok && sel.Sel.Name == name && isVar(v, info)(sel.X)
	}
}

// definitelyAssigns reports whether statement n assigns a target on
// every path: a plain assignment, or an if/else chain or a switch with
// default whose every branch starts by assigning it.
func definitelyAssigns(n ast.Node, target func(ast.Expr) bool) bool {
	switch n := n.(type) {
	case *ast.AssignStmt:
		if n.Tok == token.ASSIGN {
			for _, l := range n.Lhs {
				if target(l) {
					return true
				}
			}
		}
	case *ast.BlockStmt:
		return len(n.List) > 0 && definitelyAssigns(n.List[0], target)
	case *ast.IfStmt:
		return n.Else != nil && definitelyAssigns(n.Body, target) && definitelyAssigns(n.Else, target)
	case *ast.SwitchStmt:
		hasDefault := false
		for _, s := range n.Body.List {
			cc := s.(*ast.CaseClause)
			if cc.List == nil {
				hasDefault = true
			}
			if len(cc.Body) == 0 || !definitelyAssigns(cc.Body[0], target) {
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
	if v.IsField() || v.Pkg() != pkg || x.opaque[v] || x.params[v] {
		return nil, false
	}
	if v.Parent() == pkg.Scope() && v.Exported() {
		return nil, false // other packages may assign it
	}
	defs := x.defs[v]
	return defs, len(defs) > 0
}

func isSliceOrArray(t types.Type) bool {
	switch t.Underlying().(type) {
	case *types.Slice, *types.Array:
		return true
	}
	return false
}
