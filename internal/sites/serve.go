package sites

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"

	"github.com/portlint/portlint/internal/listenapi"
	"github.com/portlint/portlint/internal/resolve"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"
)

// serving describes where and how a site's server serves, for the port
// plan: its start, goroutine, debugging handlers, ports and names.
type serving struct {
	info   *types.Info
	pkg    *types.Package
	rules  *listenapi.RuleSet
	decls  *resolve.DeclCursors
	vars   *resolve.VarIndexes
	syn    resolve.Syntax       // the package's files
	goOnly map[*types.Func]bool // indexGoCalls
}

// cursor returns the cursor of a node of the package.
func (sv *serving) cursor(n ast.Node) inspector.Cursor {
	cur, _ := sv.decls.Find(n.Pos(), n.End())
	return cur
}

// startOf returns where a site's server starts serving: a listener
// method's call (srv.ListenAndServe()), the first call handed a listener
// (http.Serve(ln, h)), or else the call that listens.
func (sv *serving) startOf(s *Site) inspector.Cursor {
	if s.startedBy != nil {
		return sv.cursor(s.startedBy)
	}
	v := s.server
	if v == nil && s.creates && s.call != nil {
		v = sv.resultVar(s.call) // ln, err := net.Listen(…)
	}
	if v != nil {
		if start, ok := sv.useOf(v, s); ok {
			return start
		}
	}
	if s.call != nil {
		return sv.cursor(s.call)
	}
	return sv.cursor(s.Expr)
}

// resultVar returns the variable a call's first result is assigned to.
func (sv *serving) resultVar(call *ast.CallExpr) *types.Var {
	return assignedVar(sv.info, sv.cursor(call), true)
}

// startedOn makes v's server s's when a call starts it
// (srv.ListenAndServe()), and returns that call.
func (sv *serving) startedOn(s *Site, v *types.Var, listeners []string) (inspector.Cursor, bool) {
	s.server, s.listeners = v, listeners
	start, ok := sv.useOf(v, s)
	if ok {
		s.elsewhere = false
	} else {
		s.server, s.listeners = nil, nil
	}
	return start, ok
}

// useOf finds the call that starts v's server: srv.ListenAndServe() for
// a server, or a call with the listener as an argument.
func (sv *serving) useOf(v *types.Var, s *Site) (inspector.Cursor, bool) {
	if v.Parent() == sv.pkg.Scope() {
		return inspector.Cursor{}, false
	}
	for _, idCur := range resolve.LocalUses(sv.info, sv.decls, v) {
		switch idCur.ParentEdgeKind() {
		case edge.SelectorExpr_X:
			sel := idCur.Parent()
			if slices.Contains(s.listeners, sel.Node().(*ast.SelectorExpr).Sel.Name) && sel.ParentEdgeKind() == edge.CallExpr_Fun {
				return sel.Parent(), true
			}
		case edge.CallExpr_Args:
			call := idCur.Parent().Node().(*ast.CallExpr)
			callee := typeutil.Callee(sv.info, call)
			if _, builtin := callee.(*types.Builtin); s.creates && !builtin {
				// append(lns, ln) only keeps the listener for later; a
				// call serving HTTP on it has its handler argument.
				if fn, ok := callee.(*types.Func); ok {
					if i, ok := sv.rules.Serves[fn.FullName()]; ok && i < len(call.Args) {
						s.handler = call.Args[i] // http.Serve(ln, h)
					}
				}
				return idCur.Parent(), true
			}
		}
	}
	return inspector.Cursor{}, false
}

// inGoroutine reports whether cur runs in a goroutine of its function
// (goAbove), or in an unexported function only ever started as one.
func (sv *serving) inGoroutine(cur inspector.Cursor) bool {
	inGo, decl := goAbove(cur)
	if inGo || decl == nil {
		return inGo
	}
	fn, ok := sv.info.Defs[decl.Name].(*types.Func)
	return ok && !fn.Exported() && sv.goOnly[fn]
}

// neverUsed reports whether decl, holding a site, is an unexported
// function nothing uses (but main and init): its servers never start.
func (sv *serving) neverUsed(decl *ast.FuncDecl) bool {
	if decl == nil || decl.Recv != nil || decl.Name.IsExported() || decl.Name.Name == "main" || decl.Name.Name == "init" {
		return false
	}
	fn, ok := sv.info.Defs[decl.Name].(*types.Func)
	_, used := sv.goOnly[fn]
	return ok && !used
}

// inGoStmt reports whether a site's listen call runs in a goroutine of
// its function (goAbove) that the function does not wait for.
func (sv *serving) inGoStmt(s Site) bool {
	n := ast.Node(s.Expr)
	if s.call != nil {
		n = s.call
	}
	inGo, _ := goAbove(sv.cursor(n))
	return inGo && !waitsAfter(sv.cursor(n))
}

// PerElement reports whether a site starts a server for each element of
// a list at once: in a range over it, in a goroutine (or creating a
// listener not served there), not blocking on each.
func (s *Site) PerElement() bool {
	if !s.start.Valid() || !s.inGo && !(s.creates && s.start.Node() == ast.Node(s.call)) {
		return false
	}
	found := false
	s.Val.Each(func(v *resolve.Val) { found = found || v.Loop != nil && inside(s.start, v.Loop) })
	return found
}

// goAbove returns cur's function declaration, or reports that cur runs
// in a go statement or a function literal handed to another function
// (g.Go(func() error {…}), which errgroup runs in a goroutine).
func goAbove(cur inspector.Cursor) (bool, *ast.FuncDecl) {
	for a := cur; a.Valid() && a.Node() != nil; a = a.Parent() {
		switch n := a.Node().(type) {
		case *ast.GoStmt:
			return true, nil
		case *ast.FuncLit:
			if a.ParentEdgeKind() == edge.CallExpr_Args {
				return true, nil
			}
		case *ast.FuncDecl:
			return false, n
		}
	}
	return false, nil
}

// waitsAfter reports whether the function, not main, starting a server
// in a goroutine at cur then waits (a receive, a select without default,
// a Wait call), so a call returns when it stops.
func waitsAfter(cur inspector.Cursor) bool {
	for c := cur; c.Valid() && c.Node() != nil; c = c.Parent() {
		fd, ok := c.Parent().Parent().Node().(*ast.FuncDecl)
		if c.ParentEdgeKind() != edge.BlockStmt_List || !ok {
			continue
		}
		if fd.Name.Name == "main" && fd.Recv == nil {
			return false // main's servers are planned as they start
		}
		for next, ok := c.NextSibling(); ok; next, ok = next.NextSibling() {
			if waits(next.Node()) {
				return true
			}
		}
		return false
	}
	return false
}

// waits reports whether a statement blocks on a channel or a Wait call.
func waits(stmt ast.Node) bool {
	found := false
	ast.Inspect(stmt, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.SelectStmt:
			found = found || !slices.ContainsFunc(n.Body.List, func(c ast.Stmt) bool { return c.(*ast.CommClause).Comm == nil })
		case *ast.UnaryExpr:
			found = found || n.Op == token.ARROW
		case *ast.CallExpr:
			sel, ok := ast.Unparen(n.Fun).(*ast.SelectorExpr)
			found = found || ok && sel.Sel.Name == "Wait" && len(n.Args) == 0
		}
		return !found
	})
	return found
}

// indexGoCalls finds, in one walk over the package's identifiers, the
// functions holding sites used only in go statements (go serveMetrics()).
func (sv *serving) indexGoCalls(all []*Site) {
	names := make(map[string]bool)
	var sigs resolve.NameSignatures
	for _, s := range all {
		if fn := s.fn; fn != nil && !fn.Name.IsExported() {
			names[fn.Name.Name] = true
			sigs.Add(fn.Name.Name)
		}
	}
	sv.goOnly = make(map[*types.Func]bool)
	if len(names) == 0 {
		return
	}
	spoilt := make(map[*types.Func]bool)
	for cur := range sv.syn.Preorder((*ast.Ident)(nil)) {
		id := cur.Node().(*ast.Ident)
		if !sigs.MayHave(id.Name) || !names[id.Name] {
			continue
		}
		fn, ok := sv.info.Uses[id].(*types.Func)
		if !ok || spoilt[fn] {
			continue
		}
		if cur.ParentEdgeKind() == edge.SelectorExpr_Sel {
			cur = cur.Parent() // a method: go w.run()
		}
		_, isGo := cur.Parent().Parent().Node().(*ast.GoStmt)
		if cur.ParentEdgeKind() == edge.CallExpr_Fun && isGo {
			sv.goOnly[fn] = true
		} else {
			spoilt[fn], sv.goOnly[fn] = true, false
		}
	}
}

// servesDebugOnly reports whether a site's server serves only debugging
// handlers: a sink's that does, or, in a package importing net/http/pprof
// or expvar, http.DefaultServeMux (a nil or no handler) or theirs alone.
func (sv *serving) servesDebugOnly(s *Site) bool {
	switch {
	case s.debug:
		return true
	case !ImportsDirectly(sv.pkg, sv.rules.DebugPkgs):
		return false // before serverHandler's lookups, as most packages
	case s.fieldWrite:
		return false // a sink's server: which handler it serves is not known
	case s.server != nil:
		// An http.Server: its Handler wherever the variable gets one.
		h, ok := sv.serverHandler(s.server)
		if !ok {
			return false
		}
		s.handler = h
	case s.call == nil, s.handler == nil:
		return false // no handler seen: for a listener, no http.Serve(ln, h)
	}
	return sv.debugHandler(s.handler)
}

// debugHandler reports whether a server's handler h serves debugging
// handlers only: nil (http.DefaultServeMux) in a package importing the
// profiler, a mux of them, or the handlers themselves.
func (sv *serving) debugHandler(h ast.Expr) bool {
	switch {
	case !ImportsDirectly(sv.pkg, sv.rules.DebugPkgs):
		return false
	case h == nil:
		return true
	}
	if id, ok := ast.Unparen(h).(*ast.Ident); ok && (sv.info.Uses[id] == types.Universe.Lookup("nil") || sv.debugMux(id)) {
		return true
	}
	return sv.onlyDebug(h)
}

// onlyDebug reports whether a handler expression names debugging
// handlers (pprof.Index, http.HandlerFunc(pprof.Profile)) and no others.
func (sv *serving) onlyDebug(h ast.Expr) bool {
	debugOnly, any := true, false
	ast.Inspect(h, func(n ast.Node) bool {
		id, ok := n.(*ast.Ident)
		if !ok {
			return true
		}
		obj := sv.info.Uses[id]
		switch {
		case obj == nil, resolve.IsPkgName(obj):
		case obj.Pkg() != nil && sv.rules.DebugPkgs[obj.Pkg().Path()]:
			any = true
		case obj.Pkg() != nil && obj.Pkg().Path() == "net/http" && (obj.Name() == "HandlerFunc" || obj.Name() == "Handler"):
		default:
			debugOnly = false
		}
		return true
	})
	return debugOnly && any
}

// debugMux reports whether id names a mux of its function on which only
// debugging handlers are registered: dbg := http.NewServeMux();
// dbg.HandleFunc("/debug/pprof/", pprof.Index), used nowhere else.
func (sv *serving) debugMux(id *ast.Ident) bool {
	v, ok := sv.info.Uses[id].(*types.Var)
	if !ok {
		return false
	}
	rhs, index, ok := sv.onlyDef(v)
	if !ok || index >= 0 {
		return false
	}
	if call, ok := ast.Unparen(rhs).(*ast.CallExpr); !ok || resolve.CalleeFunc(sv.info, call) == nil || resolve.CalleeFunc(sv.info, call).FullName() != "net/http.NewServeMux" {
		return false
	}
	any := false
	for _, use := range resolve.LocalUses(sv.info, sv.decls, v) {
		if use.Node() == id {
			continue
		}
		sel, _ := use.Parent().Node().(*ast.SelectorExpr)
		call, _ := use.Parent().Parent().Node().(*ast.CallExpr)
		registers := use.ParentEdgeKind() == edge.SelectorExpr_X && call != nil && call.Fun == ast.Expr(sel) &&
			(sel.Sel.Name == "Handle" || sel.Sel.Name == "HandleFunc") && len(call.Args) == 2
		if !registers || !sv.onlyDebug(call.Args[1]) {
			return false
		}
		any = true
	}
	return any
}

// serverHandler returns the Handler field of a server variable's one
// literal (nil when unset); ok is false with other definitions or
// srv.Handler = … assignments.
func (sv *serving) serverHandler(v *types.Var) (ast.Expr, bool) {
	rhs, index, ok := sv.onlyDef(v)
	if !ok || len(sv.vars.Of(v).FieldDefs[resolve.FieldKey{Var: v, Field: "Handler"}]) > 0 || defLit(rhs, index) == nil {
		return nil, false
	}
	h, _ := resolve.KeyedField(defLit(rhs, index), "Handler")
	return h, true
}

// onlyDef returns the one definition of a variable nothing changes out of
// sight: what it assigns and, for one of many values, its index.
func (sv *serving) onlyDef(v *types.Var) (rhs ast.Expr, index int, ok bool) {
	ix := sv.vars.Of(v)
	if defs := ix.Defs[v]; len(defs) == 1 && !ix.Opaque[v] {
		return defs[0].Rhs, defs[0].Index, true
	}
	return nil, 0, false
}
