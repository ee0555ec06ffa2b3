package resolve

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"

	"github.com/portlint/portlint/internal/addrval"
	"github.com/portlint/portlint/internal/listenapi"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"
)

// Resolver computes address values for one package.
type Resolver struct {
	info  *types.Info
	pkg   *types.Package
	rules *listenapi.RuleSet
	files []*ast.File
	syn   Syntax
	Vars  *VarIndexes
	Decls *DeclCursors
	// Exported says which exported variables and fields only their own
	// package writes.
	Exported *Exported

	// importFact reads another package's facts (pass.ImportObjectFact).
	importFact func(types.Object, analysis.Fact) bool
	funcDecls  map[*types.Func]*ast.FuncDecl // built on first need
	funcBusy   map[*types.Func]bool
	params     map[*types.Var]ParamOwner // built on first need
	Callers    callers

	memo   *memo
	frozen map[*types.Var]*ast.CompositeLit // lists.go; nil: not frozen
	writes *fieldWrites                     // the package's field writes, on first need
	// busy holds the variables being resolved, by depth (from 1);
	// lowHit is the shallowest one met again (a cycle) since the
	// innermost was entered: results that saw a cycle to a shallower
	// variable are partial, not memoized.
	busy   map[*types.Var]int
	lowHit int
}

const noHit = int(^uint(0) >> 1)

// memo holds results under one binding of method receivers to a call's
// (recvs; nil at the top), for which they hold (boundResult).
type memo struct {
	recvs     map[types.Object]ast.Expr
	str, addr map[*types.Var]*Val
	funcs     map[funcKey]*Val
}

func newMemo(recvs map[types.Object]ast.Expr) *memo {
	return &memo{recvs: recvs, str: make(map[*types.Var]*Val), addr: make(map[*types.Var]*Val), funcs: make(map[funcKey]*Val)}
}

func NewResolver(pass *analysis.Pass, syn Syntax, rules *listenapi.RuleSet, exported *Exported) *Resolver {
	decls := &DeclCursors{syn: syn}
	return &Resolver{
		info: pass.TypesInfo, pkg: pass.Pkg, rules: rules, files: pass.Files, syn: syn,
		Decls:      decls,
		Vars:       newVarIndexes(pass.Files, syn, decls, pass.TypesInfo, pass.Pkg),
		importFact: pass.ImportObjectFact,
		Exported:   exported,
		funcBusy:   make(map[*types.Func]bool),
		memo:       newMemo(nil),
		busy:       make(map[*types.Var]int),
		lowHit:     noHit,
	}
}

// defsOf returns the definitions of the variable e names, if e is a
// variable the package provably controls.
func (r *Resolver) defsOf(e ast.Expr) (*types.Var, []def, bool) {
	id, ok := e.(*ast.Ident)
	if !ok {
		return nil, nil, false
	}
	v, ok := r.info.ObjectOf(id).(*types.Var) // a use, or a closure's definition (params.go)
	if !ok {
		return nil, nil, false
	}
	x := r.Vars.Of(v)
	if loop := x.elems[v]; loop != nil && !x.Opaque[v] && !x.Params[v] {
		return v, r.elemDefs(x.Defs[v], loop), true // may be empty: then unknown
	}
	defs, ok := r.lookup(v)
	return v, defs, ok
}

// lookup returns the definitions of v, or ok=false when its value is not
// provably confined to them: opaque, a parameter, ranging over a list,
// of another package, or exported and not sealed.
func (r *Resolver) lookup(v *types.Var) ([]def, bool) {
	if v.Parent() == r.pkg.Scope() && v.Exported() && !r.Exported.Sealed(v) {
		return nil, false
	}
	x := r.Vars.Of(v) // empty for a field or another package's variable
	if x.Opaque[v] || x.Params[v] || x.elems[v] != nil {
		return nil, false
	}
	return x.Defs[v], len(x.Defs[v]) > 0
}

// calleeName returns the full name of the function a call calls, or "".
func calleeName(info *types.Info, call *ast.CallExpr) string {
	if fn, ok := typeutil.Callee(info, call).(*types.Func); ok {
		return fn.FullName()
	}
	return ""
}

// ConstText returns the text of a constant expression: strings as is,
// integers in decimal (what strconv.Itoa and %d print).
func ConstText(v constant.Value) (string, bool) {
	switch v.Kind() {
	case constant.String:
		return constant.StringVal(v), true
	case constant.Int:
		return v.ExactString(), true
	}
	return "", false
}

// constText returns the text of e when it is a constant string or integer.
func constText(info *types.Info, e ast.Expr) (string, bool) {
	if tv, ok := info.Types[e]; ok && tv.Value != nil {
		return ConstText(tv.Value)
	}
	return "", false
}

// Str resolves a string- or integer-valued expression.
func (r *Resolver) Str(e ast.Expr) *Val {
	written := e
	e = ast.Unparen(e)
	switch x := e.(type) {
	case *ast.BinaryExpr:
		if x.Op == token.ADD && isString(r.info.TypeOf(x)) {
			a, b := r.Str(x.X), r.Str(x.Y)
			return &Val{Strs: addrval.Concat(a.Strs, b.Strs), Expr: written, Form: FormConcat, Parts: []*Val{a, b}, Index: -1}
		}
		if x.Op == token.ADD && IsBasic(r.info.TypeOf(x), types.IsInteger) && r.info.Types[x].Value == nil {
			if v := r.sum(written, x, r.Str(x.X), r.Str(x.Y)); v != nil {
				return v // 8090 + i
			}
		}
	case *ast.CallExpr:
		if tv, ok := r.info.Types[x]; ok && tv.Value != nil {
			break // a constant conversion: folded below
		}
		if arg := conversion(r.info, x); arg != nil {
			// uint16(port), string(host): the operand's values, and a
			// fix edits the operand, whose type its replacement keeps.
			return r.Str(arg)
		}
		return r.callStr(written, x)
	case *ast.IndexExpr:
		if v := r.element(written, x); v != nil {
			return v
		}
		if v := firstElem(r.info, x); v != nil {
			// addr[0] of a variadic parameter: its callers' first value,
			// unless the function changes its elements.
			if o, ok := r.ParamOf(v); ok && o.Variadic && OnlyRead(r.info, r.Decls, v) {
				return leaf(written, addrval.Named(v, x.Pos()))
			}
		}
	}
	if tv, ok := r.info.Types[e]; ok && tv.Value != nil {
		if t, ok := ConstText(tv.Value); ok {
			return leaf(written, addrval.Known(t, declPos(r.info, e))) // a named constant's at its declaration
		}
		return leaf(written, addrval.Unknown())
	}
	if v, defs, ok := r.defsOf(e); ok {
		return r.varStr(written, v, defs)
	}
	if v := r.foreignVar(written, e); v != nil {
		return v
	}
	if sel, ok := e.(*ast.SelectorExpr); ok {
		return r.fieldRead(written, sel)
	}
	if id, ok := e.(*ast.Ident); ok {
		if v, ok := r.info.Uses[id].(*types.Var); ok && v.Pkg() == r.pkg && !v.IsField() {
			if c := countedLoop(r.info, r.Decls, written, v); c != nil {
				return c
			}
			if o, ok := r.ParamOf(v); ok && !o.Variadic { // its callers' value (params.go)
				return leaf(written, addrval.Named(v, id.Pos()))
			}
			if d := r.defaulted(written, v, id.Pos()); d != nil {
				return d
			}
			if defs, entry, ok := r.paramDefs(v); ok {
				// The function's own values; with if addr == "" { addr =
				// ":8080" }, the callers' too.
				p := r.varStr(written, v, defs)
				if !entry {
					return p
				}
				return &Val{Strs: addrval.Union(addrval.Named(v, id.Pos()), p.Strs), Expr: written, Form: formExpr, Index: -1}
			}
		}
	}
	return leaf(written, addrval.Unknown())
}

// Zero is the zero value of a string or integer of type t.
func Zero(t types.Type, pos token.Pos) *Val {
	return &Val{Strs: addrval.Known(zeroText(t), pos), Form: FormZero, Index: -1}
}

func zeroText(t types.Type) string {
	if isString(t) {
		return ""
	}
	return "0"
}

func KeyedField(lit *ast.CompositeLit, name string) (ast.Expr, bool) {
	for _, elt := range lit.Elts {
		if kv, ok := elt.(*ast.KeyValueExpr); ok {
			if id, ok := kv.Key.(*ast.Ident); ok && id.Name == name {
				return kv.Value, true
			}
		}
	}
	return nil, false
}

func IsKeyed(lit *ast.CompositeLit) bool {
	_, ok := lit.Elts[0].(*ast.KeyValueExpr)
	return ok
}

// declPos is where a named constant was written.
func declPos(info *types.Info, e ast.Expr) token.Pos {
	if c, ok := info.Uses[nameOf(e)].(*types.Const); ok && c.Pos().IsValid() {
		return c.Pos()
	}
	return e.Pos()
}

// nameOf returns the identifier that names what e refers to: x, or Sel.
func nameOf(e ast.Expr) *ast.Ident {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		return e
	case *ast.SelectorExpr:
		return e.Sel
	}
	return nil
}

// pkgVar returns the package-level variable e names (v, pkg.V), or nil.
func pkgVar(info *types.Info, e ast.Expr) *types.Var {
	v, ok := info.Uses[nameOf(e)].(*types.Var)
	if !ok || v.IsField() || v.Pkg() == nil || v.Parent() != v.Pkg().Scope() {
		return nil
	}
	return v
}

// varStr resolves a use of variable v, with the union of its definitions.
func (r *Resolver) varStr(use ast.Expr, v *types.Var, defs []def) *Val {
	return r.variable(use, v, defs, r.memo.str, r.defStr(v.Type()))
}

// defStr resolves a definition of a string or integer of type t: a
// variable's, or a field's (fieldRead).
func (r *Resolver) defStr(t types.Type) func(def) *Val {
	return func(d def) *Val {
		switch {
		case d.Rhs == nil:
			return Zero(t, d.pos)
		case d.Index >= 0:
			p := leaf(d.Rhs, addrval.Unknown())
			if call, ok := ast.Unparen(d.Rhs).(*ast.CallExpr); ok {
				p = r.funcResult(d.Rhs, call, d.Index) // a, err := addr()
			}
			p.Index = d.Index
			return p
		}
		return r.Str(d.Rhs)
	}
}

// variable resolves a use of v as the union of its definitions' values.
// A variable met again while being resolved contributes nothing there
// (the least fixed point); complete results are kept in memo, if any.
func (r *Resolver) variable(use ast.Expr, v *types.Var, defs []def, memo map[*types.Var]*Val, resolve func(def) *Val) *Val {
	if m, ok := memo[v]; ok {
		return &Val{Strs: m.Strs, Addrs: m.Addrs, Expr: use, Form: FormVar, Parts: m.Parts, Index: -1, Loop: m.Loop}
	}
	out := &Val{Expr: use, Form: FormVar, Index: -1}
	if d, busy := r.busy[v]; busy {
		r.lowHit = min(r.lowHit, d)
		return out // a cycle: no values
	}
	depth, saved := len(r.busy)+1, r.lowHit
	r.busy[v], r.lowHit = depth, noHit
	out.Loop = elementsLoop(defs)
	for _, d := range defs {
		p := resolve(d)
		out.Strs = addrval.Union(out.Strs, p.Strs)
		out.Addrs = append(out.Addrs, p.Addrs...)
		out.Parts = append(out.Parts, p)
	}
	if len(out.Addrs) > addrval.MaxAlts {
		out.Addrs = []addrval.Alt{{HasPort: out.Addrs[0].HasPort}}
	}
	delete(r.busy, v)
	if r.lowHit < depth { // partial
		r.lowHit = min(saved, r.lowHit)
		return out
	}
	r.lowHit = saved
	if memo != nil {
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
