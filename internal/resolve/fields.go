package resolve

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"

	"github.com/portlint/portlint/internal/addrval"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"
)

// fieldSel returns e as a field selection (cfg.Addr), or nil.
func fieldSel(info *types.Info, e ast.Expr) (*ast.SelectorExpr, *types.Selection) {
	sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
	if s := info.Selections[sel]; ok && s != nil && s.Kind() == types.FieldVal {
		return sel, s
	}
	return nil, nil
}

// fieldRead resolves cfg.Addr: of a struct variable the package controls,
// each literal's value for it (its zero value where omitted) and each
// cfg.Addr = …; else a literal's, a FieldFact's, or a hole (a sink).
func (r *Resolver) fieldRead(written ast.Expr, sel *ast.SelectorExpr) *Val {
	if e, ok := r.litField(sel, false); ok {
		return r.Str(e) // config{Addr: ":8080"}.Addr
	}
	v, defs, loop, ok := r.fieldDefs(sel)
	if !ok {
		if e, ok := r.litField(sel, true); ok {
			return r.Str(e) // settings.Addr of a frozen variable
		}
		if v, ok := r.info.Uses[ident(r.selX(sel))].(*types.Var); ok && r.Vars.Of(v).FieldOpaque[FieldKey{v, sel.Sel.Name}] {
			return leaf(written, addrval.Unknown()) // flag.IntVar(&cfg.Port, …): no sink
		}
		if v := r.foreignField(written, sel); v != nil {
			return v // another package's writes, by its FieldFact
		}
		if f := sinkableField(r.info, r.pkg, sel); f != nil {
			if r.neverWritten(sel, f) {
				return Zero(f.Type(), f.Pos()) // http.ListenAndServe(w.addr, nil) listens on :80
			}
			if d := r.fieldDefault(written, sel, f); d != nil {
				return d
			}
			return leaf(written, addrval.Named(f, sel.Sel.Pos()))
		}
		return leaf(written, addrval.Unknown())
	}
	// The field is a variable whose definitions are its writes.
	out := r.variable(written, v, defs, nil, r.defStr(r.info.TypeOf(sel)))
	out.Form, out.Loop = FormField, loop
	return out
}

// fieldDefs lists the definitions of field sel of a local struct
// variable (zero values first, Rhs nil), and the loop in which the
// variable takes each struct of a list, if any.
func (r *Resolver) fieldDefs(sel *ast.SelectorExpr) (v *types.Var, fdefs []def, loop *ast.BlockStmt, ok bool) {
	_, s := fieldSel(r.info, sel)
	if s == nil {
		return nil, nil, nil, false
	}
	// cfg.Server.Addr: the Server of each of cfg's definitions. A write
	// of cfg.Server.Addr makes cfg opaque (index_record.go).
	inner, nested := ast.Unparen(r.selX(sel)).(*ast.SelectorExpr)
	if nested {
		v, fdefs, loop, ok = r.fieldDefs(inner)
	} else {
		v, fdefs, ok = r.defsOf(ast.Unparen(r.selX(sel)))
		loop = elementsLoop(fdefs)
	}
	// Each field it goes through: cfg.Host of a Config embedding
	// ServerConfig is cfg.ServerConfig.Host.
	t := r.info.TypeOf(r.selX(sel))
	if p, isPtr := t.Underlying().(*types.Pointer); isPtr && !nested && ok {
		// cfg := &Config{}; cfg.Addr = ":8080": the only handle of what
		// it points to is a struct variable.
		t, fdefs, ok = p.Elem(), pointees(r.info, fdefs), r.onlyFields(v)
		ok = ok && fdefs != nil
	}
	for k, i := range s.Index() {
		st, isStruct := t.Underlying().(*types.Struct)
		if !ok || !isStruct {
			return nil, nil, nil, false // through a pointer, other aliases may write it
		}
		f := st.Field(i)
		t = f.Type()
		if k == 0 && !nested && r.Vars.Of(v).FieldOpaque[FieldKey{v, f.Name()}] {
			return nil, nil, nil, false // &cfg.Port: set out of sight
		}
		fdefs, ok = fieldStep(fdefs, f.Name(), i, isField(v, f.Name(), r.info))
		if !nested && (k == 0 || k == len(s.Index())-1) { // cfg.Addr = …, cfg.ServerConfig = … or cfg.Host = …
			fdefs = append(fdefs, r.Vars.Of(v).FieldDefs[FieldKey{v, f.Name()}]...)
		}
	}
	return v, fdefs, loop, ok
}

// pointees returns the structs that definitions of a pointer allocate
// (&T{…}, a literal; new(T), the zero value), nil if one does not.
func pointees(info *types.Info, defs []def) []def {
	out := make([]def, 0, len(defs))
	for _, d := range defs {
		switch x := ast.Unparen(d.Rhs).(type) {
		case *ast.UnaryExpr:
			if lit, ok := ast.Unparen(x.X).(*ast.CompositeLit); ok && x.Op == token.AND && d.Index < 0 {
				d.Rhs = lit
				out = append(out, d)
				continue
			}
		case *ast.CallExpr:
			if b, ok := info.Uses[ident(x.Fun)].(*types.Builtin); ok && b.Name() == "new" {
				d.Rhs = nil
				out = append(out, d)
				continue
			}
		}
		return nil
	}
	return out
}

// onlyFields reports whether every use of a pointer variable selects a
// field of what it points to, or defines it: no alias or call can write
// the fields out of sight of its index.
func (r *Resolver) onlyFields(v *types.Var) bool {
	if v.Parent() == r.pkg.Scope() {
		return false // used anywhere in the package
	}
	for _, cur := range LocalUses(r.info, r.Decls, v) {
		switch cur.ParentEdgeKind() {
		case edge.AssignStmt_Lhs: // cfg = &Config{…}, a definition
		case edge.SelectorExpr_X:
			if s := r.info.Selections[cur.Parent().Node().(*ast.SelectorExpr)]; s == nil || s.Kind() != types.FieldVal {
				return false // a method
			}
		default:
			return false
		}
	}
	return true
}

// fieldStep returns the definitions of field name (at index i) of a
// struct whose definitions are defs. assigned matches a write of the
// field right after a definition, which it never outlives.
func fieldStep(defs []def, name string, i int, assigned func(ast.Expr) bool) ([]def, bool) {
	var zeros, exprs []def
	for _, d := range defs {
		lit, isLit := ast.Unparen(d.Rhs).(*ast.CompositeLit)
		switch {
		case d.Rhs == nil:
			if !definitelyAssigns(d.next, assigned) {
				zeros = append(zeros, def{Index: -1, pos: d.pos})
			}
		case d.Index >= 0 || !isLit:
			if !definitelyAssigns(d.next, assigned) {
				return nil, false
			} // cfg := defaultConfig(); cfg.Port = 9000: its port never reaches a use
		default:
			val, found := litValue(lit, name, i)
			switch {
			case found:
				exprs = append(exprs, def{Rhs: val, Index: -1})
			case len(lit.Elts) > 0 && !IsKeyed(lit):
				return nil, false // too few values: a type error
			case !definitelyAssigns(d.next, assigned):
				zeros = append(zeros, def{Index: -1, pos: lit.Pos()})
			}
		}
	}
	return append(zeros, exprs...), true
}

// selX is sel.X, or for a bound receiver the call's (boundResult).
func (r *Resolver) selX(sel *ast.SelectorExpr) ast.Expr {
	if id, ok := ast.Unparen(sel.X).(*ast.Ident); ok && r.memo.recvs != nil {
		if x, ok := r.memo.recvs[r.info.Uses[id]]; ok {
			return x
		}
	}
	return sel.X
}

// sinkableField returns the field sel reads when it is a field of a type
// of this package that can hold an address: its writers are the sites.
func sinkableField(info *types.Info, pkg *types.Package, sel *ast.SelectorExpr) *types.Var {
	_, s := fieldSel(info, sel)
	if s == nil {
		return nil
	}
	f, ok := s.Obj().(*types.Var)
	if !ok || f.Pkg() != pkg || !IsBasic(f.Type(), types.IsString|types.IsInteger) {
		return nil
	}
	return f
}

// litField returns the value a struct literal read in place sets for
// field sel (config{Addr: ":8080"}.Addr), or with frozen a frozen
// variable's (lists.go).
func (r *Resolver) litField(sel *ast.SelectorExpr, frozen bool) (ast.Expr, bool) {
	_, s := fieldSel(r.info, sel)
	if s == nil || len(s.Index()) != 1 {
		return nil, false
	}
	lit, ok := ast.Unparen(r.selX(sel)).(*ast.CompositeLit)
	if frozen {
		lit, ok = r.frozenElems(r.selX(sel))
	}
	if !ok {
		return nil, false
	}
	if _, isStruct := r.info.TypeOf(lit).Underlying().(*types.Struct); !isStruct {
		return nil, false
	}
	return litValue(lit, sel.Sel.Name, s.Index()[0])
}

// litValue returns the value a struct literal gives its field i, named
// name: keyed, or in place i of a positional literal.
func litValue(lit *ast.CompositeLit, name string, i int) (ast.Expr, bool) {
	if v, found := KeyedField(lit, name); found {
		return v, true
	}
	if len(lit.Elts) > 0 && !IsKeyed(lit) && i < len(lit.Elts) {
		return lit.Elts[i], true
	}
	return nil, false
}

// DefaultWrite reports whether the assignment of lhs at cur only fills
// in a default (if c.Addr == "" { c.Addr = DefaultAddr }): like cmp.Or's
// fallback, it makes no server of its own.
func DefaultWrite(info *types.Info, cur inspector.Cursor, lhs ast.Expr) bool {
	block := cur.Parent()
	if block.ParentEdgeKind() != edge.IfStmt_Body {
		return false
	}
	tested, empty := emptyTest(info, block.Parent().Node().(*ast.IfStmt).Cond)
	return empty && sameRef(info, tested, lhs)
}

// emptyTest returns the expression cond tests for its zero value: x in
// x == "", "" == x, x == 0 or len(x) == 0.
func emptyTest(info *types.Info, cond ast.Expr) (ast.Expr, bool) {
	b, ok := ast.Unparen(cond).(*ast.BinaryExpr)
	if !ok || b.Op != token.EQL {
		return nil, false
	}
	x, y := b.X, b.Y
	if isZeroConst(info, x) {
		x, y = y, x
	}
	if !isZeroConst(info, y) {
		return nil, false
	}
	if call, ok := ast.Unparen(x).(*ast.CallExpr); ok && len(call.Args) == 1 {
		if b, ok := info.Uses[ident(call.Fun)].(*types.Builtin); ok && b.Name() == "len" {
			return call.Args[0], true
		}
	}
	return x, true
}

func isZeroConst(info *types.Info, e ast.Expr) bool {
	t, ok := constText(info, e)
	return ok && (t == "" || t == "0")
}

// sameRef reports whether a and b name the same variable or field of it
// (c.Addr, s.cfg.Addr).
func sameRef(info *types.Info, a, b ast.Expr) bool {
	switch a := ast.Unparen(a).(type) {
	case *ast.Ident:
		b, ok := ast.Unparen(b).(*ast.Ident)
		return ok && info.ObjectOf(a) != nil && info.ObjectOf(a) == info.ObjectOf(b)
	case *ast.SelectorExpr:
		b, ok := ast.Unparen(b).(*ast.SelectorExpr)
		return ok && info.ObjectOf(a.Sel) == info.ObjectOf(b.Sel) && sameRef(info, a.X, b.X)
	}
	return false
}

// neverWritten reports whether the package writes nothing but the zero
// value to the unexported field f sel reads, which no other package nor
// a decoder can write.
func (r *Resolver) neverWritten(sel *ast.SelectorExpr, f *types.Var) bool {
	owner := FieldOwner(r.info.Selections[sel])
	if p, ok := owner.(*types.Pointer); ok {
		owner = p.Elem()
	}
	named, ok := types.Unalias(owner).(*types.Named)
	if f.Exported() || !ok {
		return false
	}
	if r.writes == nil {
		r.writes = newWrites(r.info, func(*types.Var) bool { return false })
		r.writes.keep = func(n *types.Named) bool { return n.Obj().Pkg() == r.pkg }
		r.writes.walk(r.files, r.syn)
	}
	k := fieldRef{named, f.Name()}
	return !r.writes.opened[k] && !slices.ContainsFunc(r.writes.values[k], func(v string) bool { return v != "" && v != "0" })
}
