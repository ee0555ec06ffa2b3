package sites

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"slices"

	"github.com/portlint/portlint/internal/addrval"
	"github.com/portlint/portlint/internal/listenapi"
	"github.com/portlint/portlint/internal/resolve"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"
)

func (c *checker) compositeLit(cur inspector.Cursor, lit *ast.CompositeLit) {
	switch lit.Type.(type) {
	case *ast.ArrayType, *ast.MapType:
		return // not a server struct, without a type lookup
	}
	for i, elt := range lit.Elts {
		if kv, ok := elt.(*ast.KeyValueExpr); ok {
			if id, ok := kv.Key.(*ast.Ident); ok {
				c.fieldWrite(cur.ChildAt(edge.CompositeLit_Elts, i), id.Name)
			}
		}
	}
	// Another package's sink fields it leaves out (this package's are
	// found with their sink: fieldSites).
	if t := c.pass.TypesInfo.TypeOf(lit); len(c.sinks.FieldNames) > 0 && t != nil {
		if st, ok := t.Underlying().(*types.Struct); ok {
			for f := range st.Fields() {
				if f.Pkg() != c.pass.Pkg && c.sinks.FieldNames[f.Name()] {
					for _, sk := range c.sinksOf(f) {
						c.omitted(cur, f, sk)
					}
				}
			}
		}
	}
}

func (c *checker) assign(cur inspector.Cursor, as *ast.AssignStmt) {
	for i, lhs := range as.Lhs {
		if sel, ok := ast.Unparen(lhs).(*ast.SelectorExpr); ok && len(as.Lhs) == len(as.Rhs) {
			c.fieldWrite(cur.ChildAt(edge.AssignStmt_Lhs, i), sel.Sel.Name)
		}
	}
}

// fieldWrite makes a site of a write at cur, in a literal or an
// assignment (fieldWriteAt), of a rule's server field or a sink field.
func (c *checker) fieldWrite(cur inspector.Cursor, name string) {
	if c.rules.Index().Fields[name] == nil && !c.sinks.FieldNames[name] {
		return
	}
	u, field := c.fieldWriteAt(cur)
	if field == nil {
		return
	}
	typ := resolve.NamedTypeName(u.typ)
	rule, ok := c.rules.Fields[typ][name]
	if !ok {
		c.sinkWrite(field, u)
		return
	}
	s := Site{listeners: rule.Listeners, transport: rule.Transport}
	lit, isLit := u.write.(*ast.CompositeLit)
	if !isLit {
		if u.holder != nil && namedOf(u.holder.Type()) == namedOf(u.typ) {
			s.server = u.holder // not a server embedded in it
		}
	} else {
		litCur := cur.Parent()
		s.server = assignedVar(c.pass.TypesInfo, litCur, false)
		// Without a Handler, it serves http.DefaultServeMux.
		s.handler, _ = resolve.KeyedField(lit, "Handler")
		s.unless = c.optionsChange(assignedVar(c.pass.TypesInfo, outerLit(litCur), false))
	}
	holder := s.server // what holds the server: a variable, or a field
	if isLit && s.server == nil {
		litCur := cur.Parent()
		holder = keptField(c.pass.TypesInfo, litCur)
		if s.startedBy = c.fieldStart(holder, rule.Listeners); s.startedBy != nil {
			s.inGo = c.serving.inGoStmt(Site{Expr: s.startedBy})
		}
		// A literal kept in a field, or handed to a helper, serves its
		// own Handler unless one is set where it is held.
		s.debug = !c.handlerSet(holder, litCur) && c.serving.debugHandler(s.handler)
	}
	if !c.addressIgnored(s.server, rule) && !c.addressReplaced(holder, name, u.write) && !c.callersDefault(field, u, true) {
		c.ruleField(typ, name, u.value, lit, rule, s)
	}
}

// addressReplaced reports whether the address field name of the server
// held by srv (a variable, or a struct's field: App{srv: &http.Server{…}}),
// written by write, may be given a value portlint cannot see as constant
// before it starts, so that write is only a default: assigned so (if v :=
// os.Getenv("ADDR"); v != "" { srv.Addr = v }, a setter's a.srv.Addr =
// addr), its address taken (flag.StringVar(&srv.Addr, …)), or srv handed
// to a function of the package that assigns that field of its parameter.
func (c *checker) addressReplaced(srv *types.Var, name string, write ast.Node) bool {
	if srv == nil {
		return false
	}
	for _, idCur := range c.holderUses(srv) {
		switch idCur.ParentEdgeKind() {
		case edge.SelectorExpr_X:
			sel := idCur.Parent()
			if sel.Node().(*ast.SelectorExpr).Sel.Name != name || write != nil && inside(sel, write) {
				continue
			}
			if sel.ParentEdgeKind() == edge.UnaryExpr_X || c.configuredWrite(sel) {
				return true
			}
		case edge.CallExpr_Args:
			if fn := resolve.CalleeFunc(c.pass.TypesInfo, idCur.Parent().Node().(*ast.CallExpr)); fn != nil && c.setsParamField(fn, name) {
				return true
			}
		}
	}
	return false
}

// holderUses returns the expressions that are srv: its uses if it is a
// variable, the selectors of it (a.srv) anywhere in the package if it is
// a field.
func (c *checker) holderUses(srv *types.Var) []inspector.Cursor {
	if !srv.IsField() {
		return resolve.LocalUses(c.pass.TypesInfo, c.res.Decls, srv)
	}
	var out []inspector.Cursor
	for _, fs := range c.files {
		for cur := range fs.FileCur.Preorder((*ast.SelectorExpr)(nil)) {
			if sel := cur.Node().(*ast.SelectorExpr); sel.Sel.Name == srv.Name() && c.pass.TypesInfo.Uses[sel.Sel] == srv {
				out = append(out, cur)
			}
		}
	}
	return out
}

// handlerSet reports whether a server literal at lit may be given another
// Handler where it is held: through the field it is kept in, the
// variables its helper's calls return it to (a.admin.Handler = h, or it
// handed on), or by the function of this package it is passed to.
func (c *checker) handlerSet(kept *types.Var, lit inspector.Cursor) bool {
	if kept != nil {
		return c.handlerSetOn(kept)
	}
	if lit.ParentEdgeKind() == edge.UnaryExpr_X {
		lit = lit.Parent()
	}
	switch lit.ParentEdgeKind() {
	case edge.ReturnStmt_Results:
		return c.returnedHandlerSet(lit)
	case edge.CallExpr_Args:
		fn := resolve.CalleeFunc(c.pass.TypesInfo, lit.Parent().Node().(*ast.CallExpr))
		if fn == nil || fn.Pkg() != c.pass.Pkg {
			return true
		}
		fd := c.res.Decls.FuncDecl(fn.Pos())
		return fd == nil || slices.ContainsFunc(c.uses("Handler"), func(cur inspector.Cursor) bool { return inside(cur, fd) })
	}
	return true // held otherwise: not followed
}

// handlerSetOn reports whether the server held by a variable or field may
// be given a Handler: one is assigned there, or the server handed on.
func (c *checker) handlerSetOn(holder *types.Var) bool {
	return slices.ContainsFunc(c.holderUses(holder), func(cur inspector.Cursor) bool {
		sel, isSel := cur.Parent().Node().(*ast.SelectorExpr)
		return cur.ParentEdgeKind() == edge.CallExpr_Args ||
			isSel && sel.Sel.Name == "Handler" && resolve.Written(cur.Parent())
	})
}

// returnedHandlerSet reports whether a server literal returned by a
// helper may be given a Handler by its callers: unless the helper is
// unexported (or of a command) and each of its calls assigns the server
// to a variable that sets none (d := newDebug(); go d.ListenAndServe()).
func (c *checker) returnedHandlerSet(lit inspector.Cursor) bool {
	fd := c.res.Decls.FuncDecl(lit.Node().Pos())
	if fd == nil {
		return true
	}
	fn, _ := c.pass.TypesInfo.Defs[fd.Name].(*types.Func)
	if fn == nil || fn.Exported() && c.pass.Pkg.Name() != "main" {
		return true
	}
	calls := c.callsOf(fn)
	return len(calls) == 0 || slices.ContainsFunc(calls, func(call *ast.CallExpr) bool {
		v := assignedVar(c.pass.TypesInfo, c.serving.cursor(call), false)
		return v == nil || c.handlerSetOn(v)
	})
}

// configuredWrite reports whether the selector at sel is assigned a value
// not every alternative of which is a constant.
func (c *checker) configuredWrite(sel inspector.Cursor) bool {
	kind, i := sel.ParentEdge()
	as, ok := sel.Parent().Node().(*ast.AssignStmt)
	if kind != edge.AssignStmt_Lhs || !ok || len(as.Lhs) != len(as.Rhs) || as.Tok != token.ASSIGN {
		return kind == edge.AssignStmt_Lhs // v, ok = … or +=
	}
	return slices.ContainsFunc(c.res.Str(as.Rhs[i]).Strs, func(alt addrval.Str) bool {
		_, known := alt.Text()
		return !known
	})
}

// setsParamField reports whether fn, of this package, assigns field name
// of one of its parameters a value not known to be constant.
func (c *checker) setsParamField(fn *types.Func, name string) bool {
	if fn.Pkg() != c.pass.Pkg {
		return false
	}
	fd := c.res.Decls.FuncDecl(fn.Pos())
	if fd == nil || fd.Body == nil {
		return false
	}
	for _, cur := range c.uses(name) {
		sel, isSel := cur.Node().(*ast.SelectorExpr)
		if !isSel || cur.ParentEdgeKind() != edge.AssignStmt_Lhs || !inside(cur, fd.Body) {
			continue
		}
		id, _ := ast.Unparen(sel.X).(*ast.Ident)
		v, ok := c.pass.TypesInfo.Uses[id].(*types.Var)
		if ok && v.Pos() >= fd.Type.Params.Pos() && v.Pos() < fd.Type.Params.End() && c.configuredWrite(cur) {
			return true
		}
	}
	return false
}

// keptField returns the struct field a literal is kept in: api in
// App{api: &http.Server{…}}.
func keptField(info *types.Info, lit inspector.Cursor) *types.Var {
	field, _ := info.Uses[keptKey(lit)].(*types.Var)
	return field
}

// keptKey returns the key of the outer literal's element a literal is.
func keptKey(lit inspector.Cursor) *ast.Ident {
	if lit.ParentEdgeKind() == edge.UnaryExpr_X {
		lit = lit.Parent()
	}
	if lit.ParentEdgeKind() != edge.KeyValueExpr_Value {
		return nil
	}
	key, _ := lit.Parent().Node().(*ast.KeyValueExpr).Key.(*ast.Ident)
	return key
}

// fieldStart returns the one call that starts a server kept in a struct
// field: App{api: &http.Server{…}} started by a.api.ListenAndServe().
func (c *checker) fieldStart(field *types.Var, listeners []string) *ast.CallExpr {
	if field == nil {
		return nil
	}
	var start *ast.CallExpr
	for _, name := range listeners {
		for _, cur := range c.uses(name) {
			call, isCall := cur.Node().(*ast.CallExpr)
			if !isCall {
				continue // a field write of that name
			}
			sel, isSel := ast.Unparen(call.Fun).(*ast.SelectorExpr)
			if !isSel {
				continue // ListenAndServe(a), a function
			}
			if held, ok := ast.Unparen(sel.X).(*ast.SelectorExpr); ok && c.pass.TypesInfo.Uses[held.Sel] == field {
				if start != nil {
					return nil // started in two places: which one is not known
				}
				start = call
			}
		}
	}
	return start
}

// optionsChange returns the variadic parameter whose elements are
// applied to v (for _, o := range opts { o(s) }): v's address is then a
// default (Site.unless).
func (c *checker) optionsChange(v *types.Var) *types.Var {
	if v == nil {
		return nil
	}
	for _, use := range resolve.LocalUses(c.pass.TypesInfo, c.res.Decls, v) {
		if p, _ := variadicLoop(c.pass.TypesInfo, use); p != nil && argOf(use) != nil {
			return p
		}
	}
	return nil
}

// assignedVar returns the variable a value (or its address) is assigned
// to where it is written: srv in srv := &http.Server{…}; with first, that
// of a call's first result too (ln in ln, err := net.Listen(…)).
func assignedVar(info *types.Info, cur inspector.Cursor, first bool) *types.Var {
	if u, ok := cur.Parent().Node().(*ast.UnaryExpr); ok && u.Op == token.AND {
		cur = cur.Parent()
	}
	var id *ast.Ident
	kind, i := cur.ParentEdge()
	switch parent := cur.Parent().Node().(type) {
	case *ast.AssignStmt:
		if kind == edge.AssignStmt_Rhs && (len(parent.Lhs) == len(parent.Rhs) || first && len(parent.Rhs) == 1) {
			id, _ = ast.Unparen(parent.Lhs[i]).(*ast.Ident)
		}
	case *ast.ValueSpec:
		if kind == edge.ValueSpec_Values && (len(parent.Names) == len(parent.Values) || first && len(parent.Values) == 1) {
			id = parent.Names[i]
		}
	}
	if id == nil {
		return nil
	}
	v, _ := info.ObjectOf(id).(*types.Var)
	return v
}

// addressIgnored reports whether srv, a local server variable, provably
// never listens on its address field: it is only used through srv.X, no X
// a method that listens on it (srv.Serve(l) listens on l).
func (c *checker) addressIgnored(srv *types.Var, rule listenapi.FieldRule) bool {
	if srv == nil || len(rule.Listeners) == 0 {
		return false
	}
	names, ok := c.freshServer(srv)
	return ok && !slices.ContainsFunc(names, func(n string) bool { return slices.Contains(rule.Listeners, n) })
}

// freshServer returns the names selected on v (v.X) when v is a local
// variable every definition of which is a composite literal or the zero
// value (not another name for a server held elsewhere: s := e.TLSServer),
// used only so or as an assignment's target.
func (c *checker) freshServer(v *types.Var) (names []string, ok bool) {
	if v.Pkg() != c.pass.Pkg || v.Parent() == c.pass.Pkg.Scope() || v.IsField() {
		return nil, false
	}
	defs := c.res.Vars.Of(v).Defs[v] // opaque or not: srv.Serve(l) takes &srv
	for _, d := range defs {
		if d.Rhs != nil && defLit(d.Rhs, d.Index) == nil {
			return nil, false
		}
	}
	uses := resolve.LocalUses(c.pass.TypesInfo, c.res.Decls, v)
	if len(defs) == 0 || len(uses) == 0 {
		return nil, false
	}
	for _, idCur := range uses {
		switch idCur.ParentEdgeKind() {
		case edge.SelectorExpr_X:
			names = append(names, idCur.Parent().Node().(*ast.SelectorExpr).Sel.Name)
		case edge.AssignStmt_Lhs:
		default:
			return nil, false
		}
	}
	return names, true
}

// defLit returns the composite literal, or the address of one, that a
// definition of one value assigns (srv := &http.Server{…}), or nil.
func defLit(rhs ast.Expr, index int) *ast.CompositeLit {
	if lit, ok := resolve.Unaddr(rhs).(*ast.CompositeLit); ok && index < 0 {
		return lit
	}
	return nil
}

// ImplicitSite is what a fix needs to give an address to a server started
// without one, on a default port (an http.Server whose Addr is never set,
// hertz's server.Default() without WithHostPorts): the rule set's
// implicit rows.
type ImplicitSite struct {
	Rule listenapi.ImplicitRule
	Call *ast.CallExpr
	Recv *ast.Ident       // implicitField: the server variable
	Stmt inspector.Cursor // implicitField: the statement to precede with srv.Addr = …
	// Lit and Field: a sink field left out of a literal, which a fix
	// adds to it (omitted).
	Lit   *ast.CompositeLit
	Field *types.Var
}

func (c *checker) implicitCall(cur inspector.Cursor, call *ast.CallExpr, fn *types.Func, rule listenapi.ImplicitRule) {
	is := &ImplicitSite{Rule: rule, Call: call}
	var why string
	switch rule.Kind {
	case listenapi.ImplicitField:
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if s := c.pass.TypesInfo.Selections[sel]; !ok || s == nil || len(s.Index()) > 1 {
			return // a method promoted from an embedded server, whose literal is not the variable's
		}
		recv, ok := ast.Unparen(sel.X).(*ast.Ident)
		if !ok || !c.addressNeverSet(recv, rule.Field) {
			return
		}
		is.Recv, is.Stmt = recv, enclosingStmt(cur)
		why = fmt.Sprintf("its %s is empty", rule.Field)
	case listenapi.ImplicitOption:
		if call.Ellipsis.IsValid() {
			return // options from a slice: unknown
		}
		for _, arg := range call.Args {
			opt, ok := ast.Unparen(arg).(*ast.CallExpr)
			if !ok {
				return
			}
			f, ok := typeutil.Callee(c.pass.TypesInfo, opt).(*types.Func)
			if !ok || f.Pkg() != fn.Pkg() || f.FullName() == rule.Option || slices.Contains(rule.Moot, f.FullName()) {
				return // an unknown option, or one that sets the address
			}
		}
		why = fmt.Sprintf("without %s", ShortType(rule.Option))
	}
	s := Site{
		API:  apiName(fn) + " (" + why + ")",
		Expr: call,
		// As an empty address: the rule's port on all interfaces.
		Alts:     addrval.SplitAll(addrval.Known("", call.Pos()), rule.Port),
		Implicit: is,
		call:     call,
	}
	c.record(s)
}

// addressNeverSet reports whether srv is a fresh server variable whose
// address field is provably never set: not in its literals nor by
// srv.Addr = ….
func (c *checker) addressNeverSet(srv *ast.Ident, field string) bool {
	v, ok := c.pass.TypesInfo.Uses[srv].(*types.Var)
	if !ok {
		return false
	}
	if _, fresh := c.freshServer(v); !fresh {
		return false
	}
	index := c.res.Vars.Of(v)
	if len(index.FieldDefs[resolve.FieldKey{Var: v, Field: field}]) > 0 || c.addressReplaced(v, field, nil) {
		return false
	}
	for _, d := range index.Defs[v] {
		if lit := defLit(d.Rhs, d.Index); lit != nil {
			if _, set := resolve.KeyedField(lit, field); set || len(lit.Elts) > 0 && !resolve.IsKeyed(lit) {
				return false
			}
		}
	}
	return true
}

// enclosingStmt returns the statement, directly in a block or case
// clause, that contains cur.
func enclosingStmt(cur inspector.Cursor) inspector.Cursor {
	for c := cur; c.Valid(); c = c.Parent() {
		switch c.ParentEdgeKind() {
		case edge.BlockStmt_List, edge.CaseClause_Body, edge.CommClause_Body:
			return c
		}
	}
	return inspector.Cursor{}
}

// sliceElems returns the elements of a slice or array literal (a list of
// addresses: nbio.Config{Addrs: []string{…}}), or none.
func sliceElems(e ast.Expr) []ast.Expr {
	lit, ok := ast.Unparen(e).(*ast.CompositeLit)
	if !ok {
		return nil
	}
	out := make([]ast.Expr, 0, len(lit.Elts))
	for _, elt := range lit.Elts {
		if kv, ok := elt.(*ast.KeyValueExpr); ok {
			elt = kv.Value // []string{0: ":8080"}
		}
		out = append(out, elt)
	}
	return out
}

// ruleField records the site of a rule's address field, written with
// value in lit (nil for an assignment): one per element of a list field;
// for a rule whose network is another field, only in a literal setting
// it to a TCP or UDP one.
func (c *checker) ruleField(typ, field string, value ast.Expr, lit *ast.CompositeLit, rule listenapi.FieldRule, s Site) {
	if rule.Network != "" {
		var network ast.Expr
		if lit != nil {
			network, _ = resolve.KeyedField(lit, rule.Network)
		}
		if network == nil {
			return
		}
		// One that may be unix makes no site, but its sinks are learned.
		var unix bool
		if unix, s.learnOnly, s.transport, _ = c.networkOf(network); unix {
			return
		}
	}
	values := []ast.Expr{value}
	if rule.List {
		values = sliceElems(value)
	}
	inGo := s.inGo
	for k, v := range values {
		s.inGo = inGo || k > 0
		s.API, s.Expr, s.Shape, s.Val = ShortType(typ)+"."+field, v, listenapi.ShapeString, c.res.Str(v)
		c.addSite(s, s.Val.Strs)
	}
}
