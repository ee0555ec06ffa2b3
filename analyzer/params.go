package analyzer

import (
	"go/ast"
	"go/types"
	"slices"

	"github.com/portlint/portlint/internal/addrval"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/types/typeutil"
)

// An address often arrives as a parameter: startServer(":50051"). A
// parameter that reaches a listen address is a sink (sink.go), and each
// call passing a constant is a site at the argument. When every use of
// the function is a direct call in the package (an unexported function, a
// closure assigned once, a function literal called in place), its callers
// are all known: the listen site is then judged at each call with the
// whole address substituted, and not at all in the function.

// paramOwner says which function a parameter belongs to.
type paramOwner struct {
	// key identifies the function among its callers: the *types.Func, the
	// variable holding a closure, or the *ast.FuncLit called in place.
	key   any
	fn    *types.Func // a declared function or method, whose parameter can be a sink
	name  string
	index int // the parameter's position
	// closed is set when every call of the function can be in the
	// package: it is unexported and not a method, or a closure.
	closed bool
}

// callers holds, per function, its direct calls in the package, and
// whether it is used in any other way.
type callers struct {
	calls   map[any][]*ast.CallExpr
	escapes map[any]bool
}

// paramOf returns the owner of v when v is a parameter whose value comes
// only from its function's callers: not reassigned, its address not
// taken.
func (r *resolver) paramOf(v *types.Var) (paramOwner, bool) {
	if r.params == nil {
		r.buildParams()
	}
	o, ok := r.params[v]
	if !ok {
		return paramOwner{}, false
	}
	if index := r.vars.of(v); index.opaque[v] || len(index.defs[v]) > 0 {
		return paramOwner{}, false // reassigned or address taken in the body
	}
	return o, true
}

// paramDefs returns the assignments to a parameter reassigned in its
// function's body, and whether the callers' value still reaches past the
// first statement (if addr == "" { addr = ":8080" }): the parameter is
// then still a sink, as sinkRole looks only at the alternatives that hold
// its hole. A function with known callers keeps such a parameter unknown,
// as its callers' sites would take its defaults for theirs.
func (r *resolver) paramDefs(v *types.Var) (defs []def, entry, ok bool) {
	if r.params == nil {
		r.buildParams()
	}
	o, ok := r.params[v]
	if !ok || o.fn == nil {
		return nil, false, false
	}
	x := r.vars.of(v)
	defs = x.defs[v]
	if x.opaque[v] || len(defs) == 0 {
		return nil, false, false
	}
	decl := r.funcDecl(o.fn)
	if decl == nil || decl.Body == nil || len(decl.Body.List) == 0 {
		return nil, false, false
	}
	entry = !definitelyAssigns(decl.Body.List[0], isVar(v, r.info))
	if entry && r.knownCallers(o) {
		return nil, false, false
	}
	return defs, entry, true
}

// ownerOf returns the function a parameter belongs to.
func (r *resolver) ownerOf(v *types.Var) (paramOwner, bool) {
	if r.params == nil {
		r.buildParams()
	}
	o, ok := r.params[v]
	return o, ok
}

// knownCallers reports whether o's function is only ever called directly,
// by calls of the package.
func (r *resolver) knownCallers(o paramOwner) bool {
	return o.closed && !r.callers.escapes[o.key] && len(r.callers.calls[o.key]) > 0
}

// buildParams indexes, once per package, the parameters of functions,
// methods and closures that can carry an address, and every use of the
// closed ones.
func (r *resolver) buildParams() {
	r.params = make(map[*types.Var]paramOwner)
	r.callers = callers{calls: make(map[any][]*ast.CallExpr), escapes: make(map[any]bool)}
	closedNames := make(map[string]bool)
	addParams := func(o paramOwner, sig *types.Signature) {
		if !hasAddressParam(sig) {
			return
		}
		n := sig.Params().Len()
		if sig.Variadic() {
			n-- // calls spread a slice, or pass any number of values
		}
		for i := range n {
			o.index = i
			r.params[sig.Params().At(i)] = o
		}
		if o.closed && o.name != "" {
			closedNames[o.name] = true
		}
	}
	for _, file := range r.files {
		for _, d := range file.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Type.TypeParams == nil && !hasTypeParams(fd) {
				if fn, ok := r.info.Defs[fd.Name].(*types.Func); ok {
					closed := fd.Recv == nil && !fd.Name.IsExported()
					addParams(paramOwner{key: fn, fn: fn, name: fn.Name(), closed: closed}, fn.Signature())
				}
			}
		}
	}
	// Closures: start := func(addr string) {…}, assigned once; and
	// go func(addr string) {…}(addr), called in place.
	for cur := range r.insp.Root().Preorder((*ast.FuncLit)(nil)) {
		n := cur.Node().(*ast.FuncLit)
		sig, ok := r.info.TypeOf(n).(*types.Signature)
		if !ok {
			continue
		}
		if cur.ParentEdgeKind() == edge.CallExpr_Fun {
			r.callers.calls[n] = []*ast.CallExpr{cur.Parent().Node().(*ast.CallExpr)}
			addParams(paramOwner{key: n, closed: true}, sig)
			continue
		}
		parent, ok := cur.Parent().Node().(*ast.AssignStmt)
		if !ok || len(parent.Lhs) != 1 || len(parent.Rhs) != 1 {
			continue
		}
		v, defs, ok := r.defsOf(ast.Unparen(parent.Lhs[0]))
		if ok && len(defs) == 1 && defs[0].rhs == n {
			addParams(paramOwner{key: v, name: v.Name(), closed: true}, sig)
		}
	}
	occ := r.vars.occurrences()
	for name := range closedNames {
		for _, cur := range occ[name] {
			n := cur.Node().(*ast.Ident)
			obj := r.info.Uses[n]
			if obj == nil || obj.Pkg() != r.pkg {
				continue
			}
			switch obj.(type) {
			case *types.Func, *types.Var:
			default:
				continue
			}
			if cur.ParentEdgeKind() == edge.CallExpr_Fun {
				call := cur.Parent().Node().(*ast.CallExpr)
				r.callers.calls[obj] = append(r.callers.calls[obj], call)
			} else if _, isFunc := obj.(*types.Func); isFunc || isFuncValue(obj) {
				r.callers.escapes[obj] = true
			}
		}
	}
}

// hasTypeParams reports whether a method's receiver has type parameters.
func hasTypeParams(fd *ast.FuncDecl) bool {
	if fd.Recv == nil || len(fd.Recv.List) == 0 {
		return false
	}
	t := fd.Recv.List[0].Type
	if star, ok := t.(*ast.StarExpr); ok {
		t = star.X
	}
	switch t.(type) {
	case *ast.IndexExpr, *ast.IndexListExpr:
		return true
	}
	return false
}

// hasAddressParam reports whether a function has a parameter that can
// carry an address or a port (a string, an integer, or an interface
// holding one): the only functions whose callers are worth indexing.
func hasAddressParam(sig *types.Signature) bool {
	for i := range sig.Params().Len() {
		if canCarryAddress(sig.Params().At(i).Type()) {
			return true
		}
	}
	return false
}

func canCarryAddress(t types.Type) bool {
	switch t := t.Underlying().(type) {
	case *types.Basic:
		return t.Info()&(types.IsString|types.IsInteger) != 0
	case *types.Interface:
		return true
	}
	return false
}

// isFuncValue reports whether obj is a variable of function type, whose
// use other than a call (an assignment, an argument) lets it escape.
func isFuncValue(obj types.Object) bool {
	_, ok := obj.Type().Underlying().(*types.Signature)
	return ok
}

// throughParams handles a site whose address depends on exactly one
// parameter of a function with known callers: each call becomes a site
// at its argument, with the argument's value in place of the parameter,
// and the site itself is dropped (it returns true). It returns false when
// no such parameter is involved.
func (lr *learner) throughParams(s site, strs []addrval.Str) bool {
	var param *types.Var
	var owner paramOwner
	for _, alt := range strs {
		for _, g := range alt {
			v, ok := g.Hole.(*types.Var)
			if !ok || v == param || v.IsField() {
				continue
			}
			o, ok := lr.res.paramOf(v)
			if !ok || !lr.res.knownCallers(o) {
				continue
			}
			if param != nil {
				return true // two parameters: leave it
			}
			param, owner = v, o
		}
	}
	if param == nil {
		return false
	}
	role := paramRole(strs, param)
	for _, call := range lr.res.callers.calls[owner.key] {
		if !fixedArg(call, owner.index) {
			continue
		}
		arg := lr.res.str(call.Args[owner.index])
		api := s.api // a literal called in place has no name
		if owner.name != "" {
			api += " (through " + owner.name + ")"
		}
		lr.addSite(site{
			api:       api,
			listenAPI: s.listenAPI,
			listenAt:  s.listenAt,
			expr:      arg.expr,
			val:       arg,
			shape:     shapeString,
			emptyPort: s.emptyPort,
			paramRole: role,
			via:       &via{pos: s.expr.Pos(), msg: "the address reaches the listener here"},
			call:      call,
			elsewhere: s.elsewhere,
			program:   program{inGo: s.inGo || lr.serving.inGoStmt(s)},
			learnOnly: s.learnOnly,
			transport: s.transport,
			creates:   s.creates && returnsListenerCall(lr.pass.TypesInfo, call),
		}, addrval.Substitute(strs, param, arg.strs))
	}
	return true
}

// sinkRole is paramRole over the alternatives that hold the hole: the
// others are the function's own values, such as a default for an empty
// address (if addr == "" { addr = ":domain" }).
func sinkRole(strs []addrval.Str, hole *types.Var) role {
	var with []addrval.Str
	for _, alt := range strs {
		if slices.ContainsFunc(alt, func(g addrval.Seg) bool { return g.Hole == hole }) {
			with = append(with, alt)
		}
	}
	return paramRole(with, hole)
}

// paramRole says what a hole stands for in the address, so the fix at
// the value written for it knows what to write: the whole address, or the
// port.
func paramRole(strs []addrval.Str, hole *types.Var) role {
	r := roleNone
	for _, alt := range strs {
		var this role
		switch {
		case len(alt) == 1 && alt[0].Hole == hole:
			this = roleAddress
		case len(alt) >= 2 && alt[len(alt)-1].Hole == hole && alt[len(alt)-2].Known &&
			len(alt[len(alt)-2].Text) > 0 && alt[len(alt)-2].Text[len(alt[len(alt)-2].Text)-1] == ':':
			this = rolePort
		default:
			return roleNone
		}
		if r != roleNone && r != this {
			return roleNone
		}
		r = this
	}
	return r
}

// returnsListenerCall reports whether a call returns a listener.
func returnsListenerCall(info *types.Info, call *ast.CallExpr) bool {
	fn, ok := typeutil.Callee(info, call).(*types.Func)
	return ok && returnsListener(fn)
}
