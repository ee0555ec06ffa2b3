package analyzer

import (
	"go/ast"
	"go/types"

	"github.com/portlint/portlint/internal/addrval"
	"golang.org/x/tools/go/ast/edge"
)

// An address often arrives as a parameter: startServer(":50051"). When the
// function is unexported (or a closure assigned once) and every use of it
// in the package is a direct call, all its callers are known: if each
// passes a constant, the site is reported at each call's argument, where
// the value is written. One unknown caller, or a function that escapes
// (stored, passed as a value), leaves the parameter unknown.

// paramOwner says which function a parameter belongs to.
type paramOwner struct {
	fn    types.Object // the *types.Func, or the variable holding a closure
	index int          // the parameter's position
}

// callers holds, per function object, its direct calls, and whether it is
// used in any other way.
type callers struct {
	calls   map[types.Object][]*ast.CallExpr
	escapes map[types.Object]bool
}

// paramOf returns the owner of v when v is a parameter of a function
// whose callers are all known.
func (r *resolver) paramOf(v *types.Var) (paramOwner, bool) {
	if r.params == nil {
		r.buildParams()
	}
	o, ok := r.params[v]
	if !ok || r.callers.escapes[o.fn] || len(r.callers.calls[o.fn]) == 0 {
		return paramOwner{}, false
	}
	if index := r.vars.of(v); index.opaque[v] || len(index.defs[v]) > 0 {
		return paramOwner{}, false // reassigned or address taken in the body
	}
	return o, true
}

// buildParams indexes, once per package, the parameters of unexported
// functions and of closures assigned to a variable, and every use of
// those functions.
func (r *resolver) buildParams() {
	r.params = make(map[*types.Var]paramOwner)
	r.callers = callers{calls: make(map[types.Object][]*ast.CallExpr), escapes: make(map[types.Object]bool)}
	owners := make(map[string]bool) // their names
	addParams := func(owner types.Object, sig *types.Signature) {
		if !hasAddressParam(sig) {
			return
		}
		n := sig.Params().Len()
		if sig.Variadic() {
			n-- // calls spread a slice, or pass any number of values
		}
		for i := range n {
			r.params[sig.Params().At(i)] = paramOwner{owner, i}
		}
		owners[owner.Name()] = true
	}
	for _, file := range r.files {
		for _, d := range file.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Recv == nil && !fd.Name.IsExported() && fd.Type.TypeParams == nil {
				if fn, ok := r.info.Defs[fd.Name].(*types.Func); ok {
					addParams(fn, fn.Signature())
				}
			}
		}
	}
	// Closures: start := func(addr string) {…}, assigned once.
	for cur := range r.insp.Root().Preorder((*ast.FuncLit)(nil)) {
		n := cur.Node().(*ast.FuncLit)
		parent, ok := cur.Parent().Node().(*ast.AssignStmt)
		if !ok || len(parent.Lhs) != 1 || len(parent.Rhs) != 1 {
			continue
		}
		v, defs, ok := r.defsOf(ast.Unparen(parent.Lhs[0]))
		if ok && len(defs) == 1 && defs[0].rhs == n {
			if sig, ok := r.info.TypeOf(n).(*types.Signature); ok {
				addParams(v, sig)
			}
		}
	}
	occ := r.vars.occurrences()
	for name := range owners {
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

// hasAddressParam reports whether a function has a parameter that can
// carry an address or a port (a string, an integer, or an interface
// holding one): the only functions whose callers are worth indexing.
func hasAddressParam(sig *types.Signature) bool {
	for i := range sig.Params().Len() {
		switch t := sig.Params().At(i).Type().Underlying().(type) {
		case *types.Basic:
			if t.Info()&(types.IsString|types.IsInteger) != 0 {
				return true
			}
		case *types.Interface:
			return true
		}
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
// parameter of a function with known callers: when every caller passes a
// constant, it reports each call's argument and returns true. It returns
// true too when the parameter is reached but a caller's value is unknown
// (nothing to report), and false when no parameter is involved.
func (c *checker) throughParams(s site, strs []addrval.Str) bool {
	var param *types.Var
	for _, alt := range strs {
		for _, g := range alt {
			if v, ok := g.Hole.(*types.Var); ok {
				if param != nil && param != v {
					return true // two parameters: leave it
				}
				param = v
			}
		}
	}
	if param == nil {
		return false
	}
	owner, _ := c.res.paramOf(param)
	calls := c.res.callers.calls[owner.fn]
	type argSite struct {
		arg  *val
		strs []addrval.Str
		call *ast.CallExpr
	}
	var sites []argSite
	for _, call := range calls {
		if owner.index >= len(call.Args) || call.Ellipsis.IsValid() {
			return true
		}
		arg := c.res.str(call.Args[owner.index])
		for _, v := range arg.strs {
			if _, ok := v.Text(); !ok {
				return true // a caller passes something unknown
			}
		}
		sites = append(sites, argSite{arg, addrval.Substitute(strs, param, arg.strs), call})
	}
	role := paramRole(strs, param)
	for _, as := range sites {
		r := site{
			api:        s.api + " (through " + owner.fn.Name() + ")",
			expr:       as.arg.expr,
			val:        as.arg,
			shape:      shapeString,
			emptyPort:  s.emptyPort,
			alts:       addrval.SplitAll(as.strs, s.emptyPort),
			paramRole:  role,
			listenSite: s.expr,
			call:       as.call,
		}
		c.record(r)
	}
	return true
}

// paramRole says what the parameter stands for in the address, so the fix
// at the argument knows what to write: the whole address, or the port.
func paramRole(strs []addrval.Str, param *types.Var) role {
	r := roleNone
	for _, alt := range strs {
		var this role
		switch {
		case len(alt) == 1 && alt[0].Hole == param:
			this = roleAddress
		case len(alt) >= 2 && alt[len(alt)-1].Hole == param && alt[len(alt)-2].Known &&
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
