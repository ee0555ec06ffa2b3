package analyzer

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"

	"github.com/portlint/portlint/internal/addrval"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"
)

// resolver computes address values for one package. Results are memoized
// per variable; a variable met again while being resolved (a cycle) is
// unknown.
type resolver struct {
	info  *types.Info
	pkg   *types.Package
	rules *ruleSet
	files []*ast.File
	insp  *inspector.Inspector
	vars  *varIndexes
	decls *declCursors

	// importFact reads another package's facts (pass.ImportObjectFact).
	importFact func(types.Object, analysis.Fact) bool
	funcDecls  map[*types.Func]*ast.FuncDecl // built on first need
	funcMemo   map[funcKey]*val
	funcBusy   map[*types.Func]bool
	params     map[*types.Var]paramOwner // built on first need
	callers    callers

	frozen   map[*types.Var]*ast.CompositeLit // lists.go; nil: not frozen
	strMemo  map[*types.Var]*val
	addrMemo map[*types.Var]*val
	// busy holds the variables being resolved, by depth (from 1). A
	// variable met again is a cycle: it contributes nothing there (the
	// least fixed point), and results that saw a cycle to a shallower
	// variable are not memoized, being partial.
	busy   map[*types.Var]int
	lowHit int
}

const noHit = int(^uint(0) >> 1)

// enter starts resolving v; ok is false on a cycle.
func (r *resolver) enter(v *types.Var) (depth, saved int, ok bool) {
	if d, busy := r.busy[v]; busy {
		r.lowHit = min(r.lowHit, d)
		return 0, 0, false
	}
	depth = len(r.busy) + 1
	r.busy[v] = depth
	saved, r.lowHit = r.lowHit, noHit
	return depth, saved, true
}

// leave ends resolving v and reports whether its result is complete.
func (r *resolver) leave(v *types.Var, depth, saved int) (complete bool) {
	delete(r.busy, v)
	complete = r.lowHit >= depth
	if complete {
		r.lowHit = saved
	} else {
		r.lowHit = min(saved, r.lowHit)
	}
	return complete
}

func newResolver(pass *analysis.Pass, insp *inspector.Inspector, rules *ruleSet) *resolver {
	decls := &declCursors{insp: insp}
	return &resolver{
		info: pass.TypesInfo, pkg: pass.Pkg, rules: rules, files: pass.Files, insp: insp,
		decls:      decls,
		vars:       newVarIndexes(insp, decls, pass.TypesInfo, pass.Pkg),
		importFact: pass.ImportObjectFact,
		funcMemo:   make(map[funcKey]*val),
		funcBusy:   make(map[*types.Func]bool),
		strMemo:    make(map[*types.Var]*val),
		addrMemo:   make(map[*types.Var]*val),
		busy:       make(map[*types.Var]int),
		lowHit:     noHit,
	}
}

// defsOf returns the definitions of the variable e names, if e is a
// variable the package provably controls.
func (r *resolver) defsOf(e ast.Expr) (*types.Var, []def, bool) {
	id, ok := e.(*ast.Ident)
	if !ok {
		return nil, nil, false
	}
	v, ok := r.info.ObjectOf(id).(*types.Var) // a use, or a closure's definition (params.go)
	if !ok {
		return nil, nil, false
	}
	x := r.vars.of(v)
	if loop := x.elems[v]; loop != nil && !x.opaque[v] && !x.params[v] {
		return v, r.elemDefs(x.defs[v], loop), true // may be empty: then unknown
	}
	defs, ok := x.lookup(v, r.pkg)
	return v, defs, ok
}

// calleeName returns the full name of the function a call statically
// calls, or "".
func (r *resolver) calleeName(call *ast.CallExpr) string {
	if fn, ok := typeutil.Callee(r.info, call).(*types.Func); ok {
		return fn.FullName()
	}
	return ""
}

// constText returns the text of a constant expression: strings as is,
// integers in decimal (what strconv.Itoa and %d print).
func constText(v constant.Value) (string, bool) {
	switch v.Kind() {
	case constant.String:
		return constant.StringVal(v), true
	case constant.Int:
		return v.ExactString(), true
	}
	return "", false
}

// str resolves a string- or integer-valued expression.
func (r *resolver) str(e ast.Expr) *val {
	written := e
	e = ast.Unparen(e)
	switch x := e.(type) {
	case *ast.BasicLit:
		if tv, ok := r.info.Types[x]; ok && tv.Value != nil {
			if t, ok := constText(tv.Value); ok {
				return leaf(written, addrval.Known(t, x.Pos()))
			}
		}
	case *ast.Ident, *ast.SelectorExpr:
		if tv, ok := r.info.Types[x]; ok && tv.Value != nil {
			if t, ok := constText(tv.Value); ok {
				return leaf(written, addrval.Known(t, r.declPos(x))) // a named constant
			}
		}
	case *ast.BinaryExpr:
		if x.Op == token.ADD && isString(r.info.TypeOf(x)) {
			a, b := r.str(x.X), r.str(x.Y)
			return &val{strs: addrval.Concat(a.strs, b.strs), expr: written, form: formConcat, parts: []*val{a, b}, index: -1}
		}
	case *ast.CallExpr:
		if tv, ok := r.info.Types[x]; ok && tv.Value != nil {
			break // a constant conversion: folded below
		}
		return r.callStr(written, x)
	case *ast.IndexExpr:
		if v := r.element(written, x); v != nil {
			return v
		}
	}
	if tv, ok := r.info.Types[e]; ok && tv.Value != nil {
		if t, ok := constText(tv.Value); ok {
			return leaf(written, addrval.Known(t, e.Pos()))
		}
		return leaf(written, addrval.Unknown())
	}
	if v, defs, ok := r.defsOf(e); ok {
		return r.varStr(written, v, defs)
	}
	if sel, ok := e.(*ast.SelectorExpr); ok {
		return r.fieldRead(written, sel)
	}
	if id, ok := e.(*ast.Ident); ok {
		if v, ok := r.info.Uses[id].(*types.Var); ok && v.Pkg() == r.pkg && !v.IsField() {
			if _, ok := r.paramOf(v); ok { // its callers' value (params.go)
				return leaf(written, addrval.Named(v, id.Pos()))
			}
			if defs, entry, ok := r.paramDefs(v); ok {
				// The function's own values; with if addr == "" { addr =
				// ":8080" }, the callers' too.
				p := r.varStr(written, v, defs)
				if !entry {
					return p
				}
				return &val{strs: addrval.Union(addrval.Named(v, id.Pos()), p.strs), expr: written, form: formExpr, index: -1}
			}
		}
	}
	return leaf(written, addrval.Unknown())
}

// fieldRead resolves cfg.Addr where cfg is a struct-valued variable the
// package controls: the field of each struct literal assigned to cfg
// (its zero value when the literal omits it) and each cfg.Addr = … .
func (r *resolver) fieldRead(written ast.Expr, sel *ast.SelectorExpr) *val {
	v, exprs, zeros, loop, ok := r.fieldExprs(sel)
	if !ok {
		if f := r.sinkableField(sel); f != nil {
			return leaf(written, addrval.Named(f, sel.Sel.Pos()))
		}
		return leaf(written, addrval.Unknown())
	}
	out := &val{expr: written, form: formField, index: -1, loop: loop}
	depth, saved, ok := r.enter(v)
	if !ok {
		return out // a cycle: no values
	}
	defer r.leave(v, depth, saved)
	for _, pos := range zeros {
		z := r.zero(sel, pos)
		out.strs = addrval.Union(out.strs, z.strs)
		out.parts = append(out.parts, z)
	}
	for _, e := range exprs {
		p := r.str(e)
		out.strs = addrval.Union(out.strs, p.strs)
		out.parts = append(out.parts, p)
	}
	return out
}

// fieldExprs lists the expressions assigned to field sel of a local
// struct variable, the positions where it is left at its zero value, and
// the loop in which the variable takes each struct of a list, if any.
func (r *resolver) fieldExprs(sel *ast.SelectorExpr) (v *types.Var, exprs []ast.Expr, zeros []token.Pos, loop *ast.BlockStmt, ok bool) {
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
		lit, isLit := ast.Unparen(d.rhs).(*ast.CompositeLit)
		switch {
		case d.rhs == nil:
			if !definitelyAssigns(d.next, assigned) {
				zeros = append(zeros, d.pos)
			}
		case d.index >= 0 || !isLit:
			return nil, nil, nil, nil, false
		default:
			val, found := keyedField(lit, name)
			switch {
			case found:
				exprs = append(exprs, val)
			case len(lit.Elts) > 0 && !isKeyed(lit):
				return nil, nil, nil, nil, false // positional literal
			case !definitelyAssigns(d.next, assigned):
				zeros = append(zeros, lit.Pos())
			}
		}
	}
	for _, d := range r.vars.of(v).fieldDefs[fieldKey{v, name}] {
		exprs = append(exprs, d.rhs)
	}
	return v, exprs, zeros, elementsLoop(defs), true
}

// zero is the zero value of a string or integer expression.
func (r *resolver) zero(e ast.Expr, pos token.Pos) *val {
	text := "0"
	if isString(r.info.TypeOf(e)) {
		text = ""
	}
	return &val{strs: addrval.Known(text, pos), form: formZero, index: -1}
}

func keyedField(lit *ast.CompositeLit, name string) (ast.Expr, bool) {
	for _, elt := range lit.Elts {
		if kv, ok := elt.(*ast.KeyValueExpr); ok {
			if id, ok := kv.Key.(*ast.Ident); ok && id.Name == name {
				return kv.Value, true
			}
		}
	}
	return nil, false
}

func isKeyed(lit *ast.CompositeLit) bool {
	_, ok := lit.Elts[0].(*ast.KeyValueExpr)
	return ok
}

// declPos is where a named constant was written.
func (r *resolver) declPos(e ast.Expr) token.Pos {
	var id *ast.Ident
	switch e := e.(type) {
	case *ast.Ident:
		id = e
	case *ast.SelectorExpr:
		id = e.Sel
	}
	if c, ok := r.info.Uses[id].(*types.Const); ok && c.Pos().IsValid() {
		return c.Pos()
	}
	return e.Pos()
}

// varStr resolves a use of variable v, with the union of its definitions.
func (r *resolver) varStr(use ast.Expr, v *types.Var, defs []def) *val {
	return r.variable(use, v, defs, r.strMemo, func(d def) *val {
		switch {
		case d.rhs == nil:
			return &val{strs: addrval.Known("", d.pos), form: formZero, index: -1}
		case d.index >= 0:
			p := leaf(d.rhs, addrval.Unknown())
			if call, ok := ast.Unparen(d.rhs).(*ast.CallExpr); ok {
				p = r.funcResult(d.rhs, call, d.index) // a, err := addr()
			}
			p.index = d.index
			return p
		}
		return r.str(d.rhs)
	})
}

// variable resolves a use of v as the union of the values that resolve
// finds for each of its definitions. A variable met again while it is
// being resolved contributes nothing there; complete results are kept
// in memo (when not nil).
func (r *resolver) variable(use ast.Expr, v *types.Var, defs []def, memo map[*types.Var]*val, resolve func(def) *val) *val {
	if m, ok := memo[v]; ok {
		return &val{strs: m.strs, addrs: m.addrs, expr: use, form: formVar, parts: m.parts, index: -1, loop: m.loop}
	}
	out := &val{expr: use, form: formVar, index: -1}
	depth, saved, ok := r.enter(v)
	if !ok {
		return out // a cycle: no values
	}
	out.loop = elementsLoop(defs)
	for _, d := range defs {
		p := resolve(d)
		out.strs = addrval.Union(out.strs, p.strs)
		out.addrs = append(out.addrs, p.addrs...)
		out.parts = append(out.parts, p)
	}
	if len(out.addrs) > addrval.MaxAlts {
		out.addrs = []addrval.Alt{{HasPort: out.addrs[0].HasPort}}
	}
	if r.leave(v, depth, saved) && memo != nil {
		memo[v] = out
	}
	return out
}

func isString(t types.Type) bool {
	if t == nil {
		return false // an ill-typed operand
	}
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsString != 0
}
