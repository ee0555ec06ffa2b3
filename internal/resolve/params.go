package resolve

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"

	"github.com/portlint/portlint/internal/addrval"

	"golang.org/x/tools/go/ast/edge"
)

// An address often arrives as a parameter (startServer(":50051")): a hole
// each caller's value fills (a sink, internal/sites). When every use of
// the function is a direct call in the package (an unexported function,
// a closure), its callers are known: the site is judged at each call.

// ParamOwner says which function a parameter belongs to.
type ParamOwner struct {
	// Key identifies the function among its callers: the *types.Func, the
	// variable holding a closure, or the *ast.FuncLit called in place.
	Key      any
	Fn       *types.Func // a declared function or method, whose parameter can be a sink
	Name     string
	Index    int  // the parameter's position
	Variadic bool // addr ...string: only addr[0] is its callers' value
	closed   bool // every call can be in the package: unexported and not a method, or a closure
}

// callers holds, per function, its direct calls in the package, and
// whether it is used in any other way.
type callers struct {
	Calls   map[any][]*ast.CallExpr
	escapes map[any]bool
}

// ParamOf returns the owner of v when v is a parameter whose value comes
// only from its callers: not reassigned, its address not taken.
func (r *Resolver) ParamOf(v *types.Var) (ParamOwner, bool) {
	o, ok := r.OwnerOf(v)
	if !ok {
		return ParamOwner{}, false
	}
	if index := r.Vars.Of(v); index.Opaque[v] || len(index.Defs[v]) > 0 {
		return ParamOwner{}, false // reassigned or address taken in the body
	}
	return o, true
}

// paramDefs returns the assignments to a parameter reassigned in its
// body, and whether the callers' value reaches past the first statement
// (entry: if addr == "" { addr = ":8080" }), unless its callers are
// known: their sites would take its defaults for theirs.
func (r *Resolver) paramDefs(v *types.Var) (defs []def, entry, ok bool) {
	o, ok := r.OwnerOf(v)
	if !ok || o.Fn == nil {
		return nil, false, false
	}
	x := r.Vars.Of(v)
	defs = x.Defs[v]
	if x.Opaque[v] || len(defs) == 0 {
		return nil, false, false
	}
	decl := r.funcDecl(o.Fn)
	if decl == nil || decl.Body == nil || len(decl.Body.List) == 0 {
		return nil, false, false
	}
	entry = !definitelyAssigns(decl.Body.List, isVar(v, r.info))
	if entry && r.Callers.Known(o) {
		return nil, false, false
	}
	return defs, entry, true
}

// defaulted is the value of a parameter that the function's first
// statement gives a default (if addr == "" { addr = ":8080" }):
// cmp.Or(addr, ":8080"), an addrval.OrElse hole, which its known callers
// fill in, or its sink carries to unknown ones (sink.Default).
func (r *Resolver) defaulted(written ast.Expr, v *types.Var, pos token.Pos) *Val {
	o, ok := r.OwnerOf(v)
	if !ok || o.Fn == nil || o.Variadic {
		return nil
	}
	x := r.Vars.Of(v)
	if x.Opaque[v] || !guardedDefault(r.funcDecl(o.Fn), isVar(v, r.info), r.info, x.Defs[v]) {
		return nil
	}
	els := r.varStr(written, v, x.Defs[v]).Strs
	return leaf(written, []addrval.Str{{{Hole: &addrval.OrElse{Key: v, Else: els}, Pos: pos}}})
}

// fieldDefault is the value of a field of a struct parameter whose
// function's first statement gives it a default (func Run(c Config) { if
// c.Addr == "" { c.Addr = ":8080" }; … c.Addr … }): the callers' value,
// or the default where it is empty, an addrval.OrElse hole of the field.
func (r *Resolver) fieldDefault(written ast.Expr, sel *ast.SelectorExpr, f *types.Var) *Val {
	v, ok := r.info.Uses[ident(sel.X)].(*types.Var)
	if !ok {
		return nil
	}
	decl := r.Decls.FuncDecl(sel.Pos())
	if decl == nil || !IsParam(r.info, decl, v) {
		return nil
	}
	x, defs := r.Vars.Of(v), r.Vars.Of(v).FieldDefs[FieldKey{v, f.Name()}]
	if x.Opaque[v] || x.FieldOpaque[FieldKey{v, f.Name()}] || !guardedDefault(decl, isField(v, f.Name(), r.info), r.info, defs) || sel.Pos() < decl.Body.List[0].End() {
		return nil
	}
	var els []addrval.Str
	for _, d := range defs {
		els = addrval.Union(els, r.defStr(f.Type())(d).Strs)
	}
	return leaf(written, []addrval.Str{{{Hole: &addrval.OrElse{Key: f, Else: els}, Pos: sel.Sel.Pos()}}})
}

// guardedDefault reports whether a function's first statement is if
// target == "" { target = D }, with defs, target's definitions, all
// inside its body.
func guardedDefault(decl *ast.FuncDecl, target func(ast.Expr) bool, info *types.Info, defs []def) bool {
	if decl == nil || decl.Body == nil || len(decl.Body.List) == 0 || len(defs) == 0 {
		return false
	}
	guard, ok := decl.Body.List[0].(*ast.IfStmt)
	if !ok || guard.Init != nil || guard.Else != nil {
		return false
	}
	if tested, empty := emptyTest(info, guard.Cond); !empty || !target(tested) {
		return false
	}
	return !slices.ContainsFunc(defs, func(d def) bool { return d.pos < guard.Body.Pos() || d.pos >= guard.Body.End() })
}

// IsParam reports whether v is a parameter of decl.
func IsParam(info *types.Info, decl *ast.FuncDecl, v *types.Var) bool {
	for _, field := range decl.Type.Params.List {
		for _, name := range field.Names {
			if info.Defs[name] == v {
				return true
			}
		}
	}
	return false
}

// OwnerOf returns the function a parameter belongs to.
func (r *Resolver) OwnerOf(v *types.Var) (ParamOwner, bool) {
	if r.params == nil {
		r.buildParams()
	}
	o, ok := r.params[v]
	return o, ok
}

// Known reports whether o's function is only called directly, here.
func (c callers) Known(o ParamOwner) bool {
	return o.closed && !c.escapes[o.Key] && len(c.Calls[o.Key]) > 0
}

// buildParams indexes the parameters of functions, methods and closures
// that can carry an address, and every use of the closed ones.
func (r *Resolver) buildParams() {
	r.params = make(map[*types.Var]ParamOwner)
	r.Callers = callers{Calls: make(map[any][]*ast.CallExpr), escapes: make(map[any]bool)}
	addParams := func(o ParamOwner, sig *types.Signature) {
		params := sig.Params()
		for i := range params.Len() {
			o.Index, o.Variadic = i, sig.Variadic() && i == params.Len()-1
			if !o.Variadic || canCarryAddress(params.At(i).Type().(*types.Slice).Elem()) {
				r.params[params.At(i)] = o
			}
		}
	}
	for fn, fd := range declaredFuncs(r.files, r.info) {
		// Not generic, nor a method of a generic type.
		if fn.Signature().TypeParams().Len() == 0 && fn.Signature().RecvTypeParams().Len() == 0 && hasAddressParam(fn.Signature()) {
			addParams(ParamOwner{Key: fn, Fn: fn, Name: fn.Name(), closed: closedFunc(fd)}, fn.Signature())
		}
	}
	// Closures with an address parameter: start := func(addr string)
	// {…}, assigned once; and go func(addr string) {…}(addr).
	occ := r.Vars.occurrences()
	for _, cur := range r.Vars.closures {
		n := cur.Node().(*ast.FuncLit)
		sig := r.info.TypeOf(n).(*types.Signature)
		if cur.ParentEdgeKind() == edge.CallExpr_Fun {
			r.Callers.Calls[n] = []*ast.CallExpr{cur.Parent().Node().(*ast.CallExpr)}
			addParams(ParamOwner{Key: n, closed: true}, sig)
			continue
		}
		parent, ok := cur.Parent().Node().(*ast.AssignStmt)
		if !ok || len(parent.Lhs) != 1 || len(parent.Rhs) != 1 {
			continue
		}
		v, defs, ok := r.defsOf(ast.Unparen(parent.Lhs[0]))
		if ok && len(defs) == 1 && defs[0].Rhs == n {
			addParams(ParamOwner{Key: v, Name: v.Name(), closed: true}, sig)
		}
	}
	for name := range r.Vars.funcNames {
		for _, cur := range occ[name] {
			obj := r.info.Uses[cur.Node().(*ast.Ident)]
			_, isFunc := obj.(*types.Func)
			_, isVar := obj.(*types.Var)
			if !isFunc && !isVar || obj.Pkg() != r.pkg {
				continue
			}
			if cur.ParentEdgeKind() == edge.CallExpr_Fun {
				r.Callers.Calls[obj] = append(r.Callers.Calls[obj], cur.Parent().Node().(*ast.CallExpr))
			} else if _, isFunc := obj.Type().Underlying().(*types.Signature); isFunc {
				// A function, or a variable holding one, used other than
				// in a call (an assignment, an argument) escapes.
				r.Callers.escapes[obj] = true
			}
		}
	}
}

// closedFunc reports whether every call of a declared function can be in
// the package: it is unexported and not a method.
func closedFunc(fd *ast.FuncDecl) bool { return fd.Recv == nil && !fd.Name.IsExported() }

// hasAddressParam reports whether a function has a parameter that can
// carry an address (canCarryAddress): the only callers worth indexing.
func hasAddressParam(sig *types.Signature) bool {
	n := sig.Params().Len()
	for i := range n {
		t := sig.Params().At(i).Type()
		if sig.Variadic() && i == n-1 {
			t = t.(*types.Slice).Elem() // addr ...string
		}
		if canCarryAddress(t) {
			return true
		}
	}
	return false
}

// canCarryAddress: a string, an integer, or an interface holding one.
func canCarryAddress(t types.Type) bool {
	switch t := t.Underlying().(type) {
	case *types.Basic:
		return t.Info()&(types.IsString|types.IsInteger) != 0
	case *types.Interface:
		return true
	}
	return false
}

// firstElem returns the variable v that x reads as v[0], if any.
func firstElem(info *types.Info, x *ast.IndexExpr) *types.Var {
	id, ok := ast.Unparen(x.X).(*ast.Ident)
	if !ok {
		return nil
	}
	if tv := info.Types[x.Index]; tv.Value == nil || tv.Value.String() != "0" {
		return nil
	}
	v, _ := info.Uses[id].(*types.Var)
	return v
}

// OnlyRead reports whether the slice parameter v is only read (onlyRead):
// changed, its elements are not its callers' values any more.
func OnlyRead(info *types.Info, decls *DeclCursors, v *types.Var) bool {
	return onlyRead(info, LocalUses(info, decls, v), nil)
}

// boundResult resolves result index of x.M(), a method of the package
// that only reads its receiver's fields, with the receiver bound to x
// (cfg.Addr() returning c.Host+":"+c.Port reads cfg's) under a memo of
// its own; nil for any other call.
func (r *Resolver) boundResult(written ast.Expr, call *ast.CallExpr, fn *types.Func, index int) *Val {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok || r.info.Selections[sel] == nil || r.info.Selections[sel].Kind() != types.MethodVal || len(r.info.Selections[sel].Index()) != 1 {
		return nil // not a call of x's own method (a promoted one reads a field of x)
	}
	if only, reads := r.readsRecv(fn); !only || !reads {
		return nil
	}
	saved := r.memo
	r.memo = newMemo(map[types.Object]ast.Expr{fn.Signature().Recv(): sel.X})
	m := r.returns(fn, index)
	r.memo = saved
	if m == nil {
		return nil
	}
	// A fix edits the call: its returns serve other receivers too.
	return leaf(written, m.Strs)
}

// readsRecv reports whether a method of the package only reads fields of
// its receiver, if it uses it at all (reads): calling it changes nothing.
func (r *Resolver) readsRecv(fn *types.Func) (only, reads bool) {
	uses := LocalUses(r.info, r.Decls, fn.Signature().Recv())
	return onlyRead(r.info, uses, nil), len(uses) > 0
}
