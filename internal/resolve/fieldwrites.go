package resolve

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"github.com/portlint/portlint/internal/addrval"
)

// fieldWrites is the write model of struct fields: one walk records, for
// the fields of the types keep accepts, every constant written to each
// (values) and which are written out of sight (opened): by a value not
// constant, through their address, by op-assignment, or by another
// package's function handed the struct. A write guarded by the field
// being empty is a default and adds nothing. The walk also records the
// package-level variables keepVar accepts that the files assign or take
// the address of (vars). TestFieldWrites has a row per rule.
type fieldWrites struct {
	info     *types.Info
	sees     func(*types.Package) bool // whose functions' writes the walk sees: the package walked, or the module
	keep     func(*types.Named) bool   // nil: no fields
	values   map[fieldRef][]string     // by fieldRef, not a string: net/http would allocate 2,500
	opened   map[fieldRef]bool
	keepVar  func(*types.Var) bool
	vars     map[*types.Var]bool
	reach    map[types.Type][]*types.Named                 // see reachable
	defaults map[ast.Node]bool                             // assignments that only fill in a default
	setAfter map[*ast.CompositeLit]func(field string) bool // whether the statements after a literal's variable set a field
}

func newWrites(info *types.Info, keepVar func(*types.Var) bool) *fieldWrites {
	return &fieldWrites{
		info:    info,
		sees:    func(*types.Package) bool { return false },
		keepVar: keepVar,
		vars:    make(map[*types.Var]bool),
		values:  make(map[fieldRef][]string),
		opened:  make(map[fieldRef]bool),
		reach:   make(map[types.Type][]*types.Named),
	}
}

// owner returns the named struct type t is, or points to, if kept.
func (w *fieldWrites) owner(t types.Type) (*types.Named, *types.Struct) {
	if w.keep == nil || t == nil {
		return nil, nil
	}
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || !w.keep(n) {
		return nil, nil
	}
	st, _ := n.Underlying().(*types.Struct)
	return n, st
}

// record records value written to the field k of type t. A kept struct
// held by value records its fields by path (Config.HTTP.Port) from a
// literal or its zero value; any other value opens the path's prefix.
func (w *fieldWrites) record(k fieldRef, t types.Type, value ast.Expr) {
	if _, isPtr := types.Unalias(t).(*types.Pointer); !isPtr {
		if _, st := w.owner(t); st != nil {
			lit, isLit := ast.Unparen(value).(*ast.CompositeLit)
			if value != nil && !isLit {
				w.opened[k] = true
			} else {
				w.lit(k.owner, k.name+".", st, lit)
			}
			return
		}
	}
	texts, ok := []string{zeroText(t)}, true
	if value != nil {
		texts, ok = writtenTexts(w.info, value)
	}
	if !ok {
		w.opened[k] = true
		return
	}
	for _, text := range texts {
		if !slices.Contains(w.values[k], text) {
			w.values[k] = append(w.values[k], text)
		}
	}
}

// writtenTexts returns the texts a write's value can have: constants, or
// an address with a host of the package's own and a port it cannot know
// (fmt.Sprintf("127.0.0.1:%d", *port)), factHole for each unknown part;
// false for anything else, which opens the field.
func writtenTexts(info *types.Info, value ast.Expr) ([]string, bool) {
	strs := shallowStr(info, value, nil).Strs
	var texts []string
	for i, a := range addrval.SplitAll(strs, "") {
		if _, known := strs[i].Text(); !known && (!a.HasPort || !a.Host.Known || a.Host.Text == "") {
			return nil, false
		}
		var b strings.Builder
		for _, g := range strs[i] {
			if !g.Known {
				g.Text = factHole
			}
			b.WriteString(g.Text)
		}
		texts = append(texts, b.String())
	}
	return texts, len(texts) > 0
}

// shallowStr is the value of e as constants alone show it (+ and the
// calls of built), every variable unknown: a walk of writes has no
// resolver. A read of a field of recv, if not nil, is a hole named by
// the field (c.Host of func (c Config) Addr()).
func shallowStr(info *types.Info, e ast.Expr, recv *types.Var) *Val {
	if t, ok := constText(info, e); ok {
		return leaf(e, addrval.Known(t, e.Pos()))
	}
	switch x := ast.Unparen(e).(type) {
	case *ast.BinaryExpr:
		if x.Op == token.ADD && isString(info.TypeOf(x)) {
			return leaf(e, addrval.Concat(shallowStr(info, x.X, recv).Strs, shallowStr(info, x.Y, recv).Strs))
		}
	case *ast.CallExpr:
		if v := built(info, e, x, func(a ast.Expr) *Val { return shallowStr(info, a, recv) }); v != nil {
			return v
		}
	case *ast.SelectorExpr:
		if _, s := fieldSel(info, x); s != nil && recv != nil && len(s.Index()) == 1 && info.Uses[ident(x.X)] == recv {
			return leaf(e, addrval.Named(s.Obj(), x.Pos()))
		}
	}
	return leaf(e, addrval.Unknown())
}

// lit records what a literal of struct st writes to its fields, unset
// ones' zero values too (lit nil: new(T), all of them), keyed by n and
// prefix (a path, for a struct held by value).
func (w *fieldWrites) lit(n *types.Named, prefix string, st *types.Struct, lit *ast.CompositeLit) {
	for i := 0; st != nil && i < st.NumFields(); i++ {
		var v ast.Expr
		if lit != nil {
			v, _ = litValue(lit, st.Field(i).Name(), i)
		}
		if set := w.setAfter[lit]; v == nil && set != nil && set(st.Field(i).Name()) {
			continue
		}
		w.record(fieldRef{n, prefix + st.Field(i).Name()}, st.Field(i).Type(), v)
	}
}

// assign records x.f = v (eachWrite), or opens f when written any
// other way.
func (w *fieldWrites) assign(lhs, rhs ast.Expr, index int) {
	if v := pkgVar(w.info, lhs); v != nil && !w.vars[v] && w.keepVar(v) {
		w.vars[v] = true // v or pkg.V
	}
	sel, s := fieldSel(w.info, lhs)
	if s == nil {
		return
	}
	if index >= 0 {
		rhs = nil // t.Addr, err = f()
	}
	// c.HTTP.Port = v writes the path HTTP.Port of c's type too.
	t := s.Obj().Type()
	if outer, outerSel := fieldSel(w.info, sel.X); outerSel != nil {
		if on, _ := w.owner(FieldOwner(outerSel)); on != nil {
			w.assignKey(fieldRef{on, outer.Sel.Name + "." + sel.Sel.Name}, t, rhs)
		}
	}
	if n, _ := w.owner(FieldOwner(s)); n != nil {
		w.assignKey(fieldRef{n, sel.Sel.Name}, t, rhs)
	}
}

func (w *fieldWrites) assignKey(k fieldRef, t types.Type, rhs ast.Expr) {
	if rhs == nil {
		w.opened[k] = true
		return
	}
	w.record(k, t, rhs)
}

// call opens the struct types whose values a call hands to a function of
// another package (json.Unmarshal(b, &cfg)), and records new(T). A
// function of the type's own package or of one the walk sees writes in
// sight; an interface's method, wherever declared, may not.
func (w *fieldWrites) call(call *ast.CallExpr) {
	if w.keep == nil || len(call.Args) == 0 {
		return
	}
	if b, ok := w.info.Uses[ident(call.Fun)].(*types.Builtin); ok {
		if b.Name() == "new" {
			n, st := w.owner(w.info.TypeOf(call.Args[0]))
			w.lit(n, "", st, nil)
		}
		return
	}
	if _, inPlace := ast.Unparen(call.Fun).(*ast.FuncLit); inPlace {
		return // go func(c Config) {…}(c): its body is in the walk
	}
	callee := CalleeFunc(w.info, call)
	if callee != nil && w.sees(callee.Pkg()) && !abstract(callee) {
		return // its writes are in the walk: no argument opens
	}
	for _, a := range call.Args {
		for _, n := range w.reachable(w.info.TypeOf(a)) {
			if callee == nil || callee.Pkg() != n.Obj().Pkg() || abstract(callee) {
				for f := range n.Underlying().(*types.Struct).Fields() {
					w.opened[fieldRef{n, f.Name()}] = true
				}
			}
		}
	}
}

// abstract reports whether fn is an interface's method: its body is not
// in sight.
func abstract(fn *types.Func) bool {
	recv := fn.Signature().Recv()
	return recv != nil && types.IsInterface(recv.Type())
}

// reachable returns the kept struct types a value of type t holds, or
// points to, nested in fields, slices, arrays and maps, at any depth: a
// decoder handed &File{} writes File.Server.HTTP.Addr too. Each named
// type is visited once, which also ends a cycle.
func (w *fieldWrites) reachable(t types.Type) []*types.Named {
	switch t.(type) {
	case nil, *types.Basic, *types.Signature, *types.Interface, *types.Tuple, *types.Chan:
		return nil // holds no struct a callee could write
	}
	if r, ok := w.reach[t]; ok {
		return r
	}
	w.reach[t] = nil // a cycle holds nothing more
	var out []*types.Named
	switch u := types.Unalias(t).(type) {
	case *types.Pointer, *types.Slice, *types.Array, *types.Map:
		out = w.reachable(u.(interface{ Elem() types.Type }).Elem())
	case *types.Named:
		if n, st := w.owner(u); n != nil && st != nil {
			out = append(out, n)
		}
		out = append(out, w.reachable(u.Underlying())...)
	case *types.Struct:
		for i := range u.NumFields() {
			out = append(out, w.reachable(u.Field(i).Type())...)
		}
	}
	w.reach[t] = out
	return out
}

// walk records the files' writes, with the package's inspectors when it
// has them (their filtered walk costs less than ast.Inspect).
func (w *fieldWrites) walk(files []*ast.File, syn Syntax) {
	w.defaults, w.setAfter = make(map[ast.Node]bool), make(map[*ast.CompositeLit]func(string) bool)
	w.zeroVars(slices.Collect(topSpecs(files, token.VAR)), nil)
	if syn != nil {
		for cur := range syn.Preorder(writeNodes...) {
			w.node(cur.Node())
		}
		return
	}
	for _, file := range files {
		ast.Inspect(file, func(n ast.Node) bool {
			w.node(n)
			return true
		})
	}
}

var writeNodes = []ast.Node{(*ast.CompositeLit)(nil), (*ast.BlockStmt)(nil), (*ast.CaseClause)(nil), (*ast.IfStmt)(nil),
	(*ast.AssignStmt)(nil), (*ast.IncDecStmt)(nil), (*ast.UnaryExpr)(nil), (*ast.RangeStmt)(nil), (*ast.CallExpr)(nil)}

// node records the writes of one of writeNodes, visited in preorder.
func (w *fieldWrites) node(n ast.Node) {
	switch n := n.(type) {
	case *ast.CompositeLit:
		owner, st := w.owner(w.info.TypeOf(n))
		w.lit(owner, "", st, n)
	case *ast.BlockStmt, *ast.CaseClause:
		list := stmts(n)
		for i, st := range list {
			switch st := st.(type) {
			case *ast.DeclStmt:
				w.zeroVars(st.Decl.(*ast.GenDecl).Specs, list[i+1:])
			case *ast.AssignStmt:
				// c := &Config{}; c.Addr = ":8080": the literal's zero
				// Addr never reaches a read.
				if lit, ok := Unaddr(st.Rhs[0]).(*ast.CompositeLit); len(st.Lhs) == 1 && len(st.Rhs) == 1 && ok {
					v, _ := w.info.ObjectOf(ident(st.Lhs[0])).(*types.Var)
					w.setAfter[lit] = func(f string) bool { return v != nil && definitelyAssigns(list[i+1:], isField(v, f, w.info)) }
				}
			}
		}
	case *ast.IfStmt:
		// if c.Addr == "" { c.Addr = D }: a default, no value of its own.
		if tested, empty := emptyTest(w.info, n.Cond); empty {
			for _, st := range n.Body.List {
				if as, ok := st.(*ast.AssignStmt); ok && len(as.Lhs) == 1 && sameRef(w.info, as.Lhs[0], tested) {
					w.defaults[as] = true
				}
			}
		}
	case *ast.AssignStmt, *ast.IncDecStmt, *ast.UnaryExpr, *ast.RangeStmt:
		if !w.defaults[n] {
			eachWrite(n, w.assign)
		}
	case *ast.CallExpr:
		w.call(n)
	}
}

// zeroVars records the zero values of the fields of struct variables
// declared without a value (var c Config), but those the statements
// right after set (c.Listen = "localhost:7000": definitelyAssigns).
func (w *fieldWrites) zeroVars(specs []ast.Spec, next []ast.Stmt) {
	for _, spec := range specs {
		vs, ok := spec.(*ast.ValueSpec)
		if !ok || len(vs.Values) > 0 || vs.Type == nil {
			continue
		}
		n, st := w.owner(w.info.TypeOf(vs.Type))
		if _, ptr := types.Unalias(w.info.TypeOf(vs.Type)).(*types.Pointer); ptr || st == nil {
			continue
		}
		for f := range st.Fields() {
			if slices.ContainsFunc(vs.Names, func(id *ast.Ident) bool {
				v, _ := w.info.Defs[id].(*types.Var)
				return !definitelyAssigns(next, isField(v, f.Name(), w.info))
			}) {
				w.record(fieldRef{n, f.Name()}, f.Type(), nil)
			}
		}
	}
}
