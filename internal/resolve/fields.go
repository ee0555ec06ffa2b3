package resolve

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/portlint/portlint/internal/addrval"
)

// Struct fields: cfg.Addr of a local struct variable (every literal
// assigned to it and every cfg.Addr = …), a literal read in place, and
// fields of this package that can hold an address, which are holes a
// caller's value can fill (sinks).

// fieldRead resolves cfg.Addr where cfg is a struct-valued variable the
// package controls: the field of each struct literal assigned to cfg
// (its zero value when the literal omits it) and each cfg.Addr = … .
func (r *Resolver) fieldRead(written ast.Expr, sel *ast.SelectorExpr) *Val {
	if e, ok := litField(r.info, sel); ok {
		return r.Str(e) // config{Addr: ":8080"}.Addr
	}
	v, exprs, zeros, loop, ok := r.fieldExprs(sel)
	if !ok {
		if f := sinkableField(r.info, r.pkg, sel); f != nil {
			return leaf(written, addrval.Named(f, sel.Sel.Pos()))
		}
		return leaf(written, addrval.Unknown())
	}
	out := &Val{Expr: written, Form: FormField, Index: -1, Loop: loop}
	depth, saved, ok := r.enter(v)
	if !ok {
		return out // a cycle: no values
	}
	defer r.leave(v, depth, saved)
	for _, pos := range zeros {
		z := zero(r.info, sel, pos)
		out.Strs = addrval.Union(out.Strs, z.Strs)
		out.Parts = append(out.Parts, z)
	}
	for _, e := range exprs {
		p := r.Str(e)
		out.Strs = addrval.Union(out.Strs, p.Strs)
		out.Parts = append(out.Parts, p)
	}
	return out
}

// fieldExprs lists the expressions assigned to field sel of a local
// struct variable, the positions where it is left at its zero value, and
// the loop in which the variable takes each struct of a list, if any.
func (r *Resolver) fieldExprs(sel *ast.SelectorExpr) (v *types.Var, exprs []ast.Expr, zeros []token.Pos, loop *ast.BlockStmt, ok bool) {
	s := r.info.Selections[sel]
	if s == nil || s.Kind() != types.FieldVal || len(s.Index()) != 1 {
		return nil, nil, nil, nil, false
	}
	if _, isStruct := r.info.TypeOf(sel.X).Underlying().(*types.Struct); !isStruct {
		return nil, nil, nil, nil, false // through a pointer, other aliases may write it
	}
	v, defs, ok := r.defsOf(ast.Unparen(sel.X))
	if !ok {
		return nil, nil, nil, nil, false
	}
	name := sel.Sel.Name
	assigned := isField(v, name, r.info)
	for _, d := range defs {
		lit, isLit := ast.Unparen(d.Rhs).(*ast.CompositeLit)
		switch {
		case d.Rhs == nil:
			if !definitelyAssigns(d.next, assigned) {
				zeros = append(zeros, d.pos)
			}
		case d.Index >= 0 || !isLit:
			return nil, nil, nil, nil, false
		default:
			val, found := KeyedField(lit, name)
			switch {
			case found:
				exprs = append(exprs, val)
			case len(lit.Elts) > 0 && !IsKeyed(lit):
				// A positional literal lists every field, in order.
				if s.Index()[0] >= len(lit.Elts) {
					return nil, nil, nil, nil, false // too few: a type error
				}
				exprs = append(exprs, lit.Elts[s.Index()[0]])
			case !definitelyAssigns(d.next, assigned):
				zeros = append(zeros, lit.Pos())
			}
		}
	}
	for _, d := range r.Vars.Of(v).FieldDefs[FieldKey{v, name}] {
		exprs = append(exprs, d.Rhs)
	}
	return v, exprs, zeros, elementsLoop(defs), true
}

// sinkableField returns the field sel reads when it is a field of a type
// of this package that can hold an address: its writers are the sites.
func sinkableField(info *types.Info, pkg *types.Package, sel *ast.SelectorExpr) *types.Var {
	s := info.Selections[sel]
	if s == nil || s.Kind() != types.FieldVal {
		return nil
	}
	f, ok := s.Obj().(*types.Var)
	if !ok || f.Pkg() != pkg || !IsBasic(f.Type(), types.IsString|types.IsInteger) {
		return nil
	}
	return f
}

// litField returns the value a struct literal read in place gives field
// sel (config{Addr: ":8080"}.Addr), when the literal sets it.
func litField(info *types.Info, sel *ast.SelectorExpr) (ast.Expr, bool) {
	lit, ok := ast.Unparen(sel.X).(*ast.CompositeLit)
	if !ok {
		return nil, false
	}
	s := info.Selections[sel]
	if s == nil || s.Kind() != types.FieldVal || len(s.Index()) != 1 {
		return nil, false
	}
	if _, isStruct := info.TypeOf(lit).Underlying().(*types.Struct); !isStruct {
		return nil, false
	}
	if v, found := KeyedField(lit, sel.Sel.Name); found {
		return v, true
	}
	if i := s.Index()[0]; len(lit.Elts) > 0 && !IsKeyed(lit) && i < len(lit.Elts) {
		return lit.Elts[i], true
	}
	return nil, false
}
