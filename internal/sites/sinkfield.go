package sites

import (
	"cmp"
	"go/ast"
	"go/types"
	"slices"

	"github.com/portlint/portlint/internal/addrval"
	"github.com/portlint/portlint/internal/resolve"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"
)

// A struct field read into a listen address is a sink. Its writes (found
// by name here, by the walk through the SinkFact elsewhere) are sites when
// the value can reach the field's reader (writeReaches) and no listen
// site reads it already (dropJudged).

// sinkUse is a value written to a sink field (fieldWriteAt).
type sinkUse struct {
	value  ast.Expr   // the field's value
	typ    types.Type // the type declaring the field
	holder *types.Var // the local variable written, if any
	root   *types.Var // an assignment's variable, s of s.http.Addr = …
	write  ast.Node   // the literal or assignment that writes it
}

// sinkWrite makes sites of the walk's write u of another package's sink
// field (this package's are found by addSink).
func (lr *learner) sinkWrite(field *types.Var, u sinkUse) {
	if field.Pkg() != lr.pass.Pkg {
		for _, sk := range lr.sinksOf(field) {
			lr.sinkFieldSite(field, sk, u)
		}
	}
}

// sinkFieldSite records the site of a value written to a sink field that
// can reach the field's reader.
func (lr *learner) sinkFieldSite(field *types.Var, sk sink, u sinkUse) {
	if _, ruled := lr.rules.Fields[resolve.NamedTypeName(u.typ)][field.Name()]; ruled {
		return // http.Server.Addr in net/http itself: a site by its rule
	}
	var unless *types.Var // as Site.unless, for the holder
	// A parameter's field goes back to the caller's value.
	if h := u.holder; h != nil && !lr.res.Vars.Of(h).Params[h] {
		var reaches bool
		if reaches, unless = lr.writeReaches(h, field, sk.Readers, u.write); !reaches {
			return
		}
	}
	if lit, ok := u.write.(*ast.CompositeLit); ok && u.holder == nil {
		if cur := lr.serving.cursor(lit); !lr.litReaches(cur, sk.Readers) || lr.passedAway(cur, field) || lr.overridden(argOf(cur)) {
			return // fmt.Println(server.Config{Addr: ":8080"})
		}
	}
	if lr.defaultWrite(u) {
		return // if c.Addr == "" { c.Addr = D }: a default, not a server
	}
	if lr.callersDefault(field, u, false) {
		return // func Default() Config { return Config{Addr: ":8080"} }: its callers' to change
	}
	if lr.sinks.written[u.value] {
		return // a site already, before a reader was learned
	}
	lr.sinks.written[u.value] = true
	typ := ShortType(resolve.NamedTypeName(u.typ)) + "."
	if lit, ok := u.write.(*ast.CompositeLit); ok && u.value != u.write {
		// A host and a port written apart in one literal are one site, at
		// the port, as a call passing them apart is (sinkCallSite).
		if other, otherSink := lr.partnerField(u.typ, field, sk); other != nil {
			if value, found := resolve.KeyedField(lit, other.Name()); found {
				lr.sinks.written[value] = true
				lr.apartSite(half{typ + field.Name(), u.value, field, sk}, half{typ + other.Name(), value, other, otherSink}, nil, u.holder, unless)
				return
			}
		}
	}
	lr.sinkValueSite(typ+field.Name(), u.value, field, sk, nil, u.holder, unless, nil, nil)
}

func (lr *learner) defaultWrite(u sinkUse) bool {
	as, ok := u.write.(*ast.AssignStmt)
	return ok && resolve.DefaultWrite(lr.pass.TypesInfo, lr.serving.cursor(as), as.Lhs[slices.Index(as.Rhs, u.value)])
}

// handedOut reports whether a library's exported function returns the
// struct a write is made to (a literal, or its variable), so that other
// packages' code runs between the write and the read.
func (lr *learner) handedOut(u sinkUse) bool {
	if fd := lr.res.Decls.FuncDecl(u.write.Pos()); fd == nil || !fd.Name.IsExported() || lr.pass.Pkg.Name() == "main" {
		return false
	}
	var at []inspector.Cursor
	if holder := cmp.Or(u.holder, u.root); holder != nil {
		at = lr.res.Vars.Uses(holder)
	} else if lit, ok := u.write.(*ast.CompositeLit); ok {
		at = []inspector.Cursor{outerLit(lr.serving.cursor(lit))}
	}
	return slices.ContainsFunc(at, func(cur inspector.Cursor) bool { return unwrapped(cur).ParentEdgeKind() == edge.ReturnStmt_Results })
}

// callersDefault reports whether a library hands out the struct a
// constant is written to (handedOut: func New() *http.Server { return
// &http.Server{Addr: ":8080"} }) and other packages can change the field:
// an exported function or method of its own stores a parameter into it
// (WithAddr: setByExported); or, for a rule's field (ruled, an
// http.Server's Addr), the driver's view of the module sees another
// package write it, which go vet cannot know; or, for a sink field, it is
// exported and not known to be written by no other package
// (resolve.FieldSealed). The constant is then its callers' default.
func (lr *learner) callersDefault(field *types.Var, u sinkUse, ruled bool) bool {
	switch {
	case !lr.handedOut(u) || addrval.HasHole(lr.res.Str(u.value).Strs):
		return false
	case lr.setByExported(field, lr.rootType(u)):
		return true
	case ruled:
		return lr.res.Exported.FieldWrittenElsewhere(lr.pass.Pkg.Path(), u.typ, field)
	}
	return field.Exported() && !lr.res.Exported.FieldSealed(lr.pass.Pkg.Path(), u.typ, field)
}

// setByExported reports whether an exported function or method stores
// one of its parameters into field of a struct rooted in a value of type
// root (func (s *Server) Start(addr string) { s.http.Addr = addr }, of a
// *Server's http.Server).
func (lr *learner) setByExported(field *types.Var, root types.Type) bool {
	for _, cur := range lr.uses(field.Name()) {
		u, f := lr.fieldWriteAt(cur)
		if f != field || !types.Identical(derefType(lr.rootType(u)), derefType(root)) {
			continue
		}
		id, _ := ast.Unparen(u.value).(*ast.Ident)
		v, ok := lr.pass.TypesInfo.Uses[id].(*types.Var)
		if o, isParam := lr.res.OwnerOf(v); ok && isParam && o.Fn != nil && o.Fn.Exported() {
			return true
		}
	}
	return false
}

// rootType is the type of the value a field write starts from: the
// variable of s.http.Addr = …, or the literal's.
func (lr *learner) rootType(u sinkUse) types.Type {
	if u.root != nil {
		return u.root.Type()
	}
	return u.typ
}

func derefType(t types.Type) types.Type {
	if p, ok := t.(*types.Pointer); ok {
		return p.Elem()
	}
	return t
}

// partnerField returns the field of struct type t, and its sink, holding
// the other half of an address whose host and port are fields apart.
func (lr *learner) partnerField(t types.Type, field *types.Var, sk sink) (*types.Var, sink) {
	if st := structOf(t); st != nil && (sk.Port || sk.Host) {
		for f := range st.Fields() {
			for _, o := range lr.sinksOf(f) {
				if f != field && halves(sk, o) {
					return f, o
				}
			}
		}
	}
	return nil, sink{}
}

// writeReaches reports whether a value written to field of the local
// variable v (by write) reaches the field's reader: v is passed on whole
// or used by a reader method, and neither the field nor v is changed
// after (written, address taken, a pointer method); one only read field
// by field is judged at those reads. A change made only in a loop over
// the variadic parameter (for _, o := range opts { o(srv) }) is none in a
// call passing no options: unless is then that parameter.
func (lr *learner) writeReaches(v *types.Var, fieldVar *types.Var, readers []string, write ast.Node) (reaches bool, unless *types.Var) {
	field := fieldVar.Name()
	global := v.Parent() == lr.pass.Pkg.Scope()
	if v.Pkg() != lr.pass.Pkg || global && v.Exported() {
		return false, nil
	}
	_, isPtr := v.Type().Underlying().(*types.Pointer)
	uses := lr.res.Vars.Uses(v) // of var opts = Options{Port: 8080} too
	if len(uses) == 0 {
		return false, nil
	}
	// changed: a change at cur is not one only options make.
	changed := func(cur inspector.Cursor) bool {
		p, body := variadicLoop(lr.pass.TypesInfo, cur)
		switch {
		case p == nil, unless != nil && unless != p,
			write != nil && body.Pos() <= write.Pos() && write.End() <= body.End(): // built per option
			return true
		}
		if !resolve.OnlyRead(lr.pass.TypesInfo, lr.res.Decls, p) {
			return true // opts = append(opts, WithAddr(…))
		}
		unless = p
		return false
	}
	for _, idCur := range uses {
		switch idCur.ParentEdgeKind() {
		case edge.SelectorExpr_X:
			sel := idCur.Parent()
			expr := sel.Node().(*ast.SelectorExpr)
			selection := lr.pass.TypesInfo.Selections[expr]
			switch {
			case selection == nil:
				return false, nil
			case selection.Kind() == types.FieldVal:
				outer := sel // v.Addr, or v.HTTP.Addr of a nested literal's field
				for outer.ParentEdgeKind() == edge.SelectorExpr_X {
					outer = outer.Parent()
				}
				if outer.Node().(*ast.SelectorExpr).Sel.Name == field && resolve.Written(outer) && (write == nil || !inside(outer, write)) && changed(idCur) {
					return false, nil // written again, or its address taken
				}
			case slices.Contains(readers, expr.Sel.Name):
				reaches = true
			case (isPtr || isPointerMethod(selection)) && changed(idCur):
				return false, nil // a method that may change it
			}
		case edge.AssignStmt_Lhs:
			if global {
				return false, nil // assigned again: its declaration is its only definition
			}
		case edge.ReturnStmt_Results:
			reaches = true // a constructor's result, as &Server{port: port} is
		case edge.UnaryExpr_X:
			if changed(idCur) {
				return false, nil // &v
			}
		default:
			switch {
			case toBlank(idCur): // _ = v goes nowhere
			case isPtr && changed(idCur):
				return false, nil // an alias may change it
			case !isPtr && !lr.passedAway(idCur, fieldVar):
				reaches = true // a copy goes on
			}
		}
	}
	return reaches, unless
}

// toBlank reports whether the value at cur is assigned to _.
func toBlank(cur inspector.Cursor) bool {
	as, ok := cur.Parent().Node().(*ast.AssignStmt)
	if !ok || cur.ParentEdgeKind() != edge.AssignStmt_Rhs || len(as.Lhs) != len(as.Rhs) {
		return false
	}
	_, i := cur.ParentEdge()
	id, _ := as.Lhs[i].(*ast.Ident)
	return id != nil && id.Name == "_"
}

// litReaches reports whether a struct literal no variable holds may
// reach the field's readers: not as the receiver of a method that is no
// reader (Node{Addr: a}.Ping()), which, a pointer method, may change it
// as it may a variable's (writeReaches).
func (lr *learner) litReaches(cur inspector.Cursor, readers []string) bool {
	cur, _ = listOf(lr.pass.TypesInfo, cur) // past & and parentheses
	if cur.ParentEdgeKind() != edge.SelectorExpr_X {
		return true
	}
	s := lr.pass.TypesInfo.Selections[cur.Parent().Node().(*ast.SelectorExpr)]
	return s == nil || s.Kind() != types.MethodVal || slices.Contains(readers, s.Obj().Name())
}

// listOf returns the outermost list or map literal holding the value at
// cur as an element, through & and parentheses, and whether there is one.
func listOf(info *types.Info, cur inspector.Cursor) (inspector.Cursor, bool) {
	listed := false
	for {
		cur = unwrapped(cur)
		if cur.ParentEdgeKind() == edge.KeyValueExpr_Value && cur.Parent().ParentEdgeKind() == edge.CompositeLit_Elts {
			cur = cur.Parent() // map[string]Node{"a": {…}}
		}
		if cur.ParentEdgeKind() != edge.CompositeLit_Elts || structOf(info.TypeOf(cur.Parent().Node().(ast.Expr))) != nil {
			return cur, listed
		}
		cur, listed = cur.Parent(), true
	}
}

// rangeVar returns the holder of the elements of the list literal
// holding the value at cur: the value variable of the one range over it
// (for _, p := range []Node{…}), or over the local variable only ranged
// over that holds it; nil when its elements may go elsewhere.
func rangeVar(info *types.Info, vars *resolve.VarIndexes, cur inspector.Cursor) *types.Var {
	list, listed := listOf(info, cur)
	if !listed {
		return nil
	}
	ranges := []inspector.Cursor{list}
	if list.ParentEdgeKind() != edge.RangeStmt_X {
		v := assignedVar(info, list, false)
		if v == nil || v.Parent() == v.Pkg().Scope() {
			return nil
		}
		ranges = vars.Uses(v)
	}
	if len(ranges) != 1 || ranges[0].ParentEdgeKind() != edge.RangeStmt_X {
		return nil
	}
	id, _ := ranges[0].Parent().Node().(*ast.RangeStmt).Value.(*ast.Ident)
	v, _ := info.Defs[id].(*types.Var)
	return v
}

// overridden reports whether a sink field of the local variable holding
// a call's result is written later (srv := New(8080); srv.port = *port):
// the argument may not be what it listens on.
func (lr *learner) overridden(call *ast.CallExpr) bool {
	v := (*types.Var)(nil)
	if call != nil {
		v = lr.serving.resultVar(call)
	}
	if v == nil || v.Parent() == lr.pass.Pkg.Scope() {
		return false
	}
	for _, cur := range resolve.LocalUses(lr.pass.TypesInfo, lr.res.Decls, v) {
		if cur.ParentEdgeKind() != edge.SelectorExpr_X {
			continue
		}
		for cur.ParentEdgeKind() == edge.SelectorExpr_X {
			cur = cur.Parent() // srv.cfg.Port
		}
		s := lr.pass.TypesInfo.Selections[cur.Node().(*ast.SelectorExpr)]
		if s != nil && s.Kind() == types.FieldVal && resolve.Written(cur) && len(lr.sinksOf(s.Obj())) > 0 {
			return true
		}
	}
	return false
}

// variadicLoop returns the variadic parameter of the function holding
// cur, and the body, when cur lies in a range over it (for _, o := range
// opts { … }).
func variadicLoop(info *types.Info, cur inspector.Cursor) (*types.Var, *ast.BlockStmt) {
	var loopOver *types.Var
	var body *ast.BlockStmt
	for a := cur; a.Valid() && a.Node() != nil; a = a.Parent() {
		switch n := a.Node().(type) {
		case *ast.RangeStmt:
			if id, ok := ast.Unparen(n.X).(*ast.Ident); ok && loopOver == nil && inside(cur, n.Body) {
				loopOver, _ = info.Uses[id].(*types.Var)
				body = n.Body
			}
		case *ast.FuncLit:
			return nil, nil
		case *ast.FuncDecl:
			fn, ok := info.Defs[n.Name].(*types.Func)
			if !ok || loopOver == nil || variadicParam(fn.Signature()) != loopOver {
				return nil, nil
			}
			return loopOver, body
		}
	}
	return nil, nil
}

// passedAway reports whether the value at cur (through & and
// parentheses) is passed to a function not reading the sink field into a
// listener: a third package's (log.Print), or the field's own but its
// ParamReaders.
func (lr *learner) passedAway(cur inspector.Cursor, field *types.Var) bool {
	call := argOf(cur)
	if call == nil {
		return false
	}
	fn, ok := typeutil.Callee(lr.pass.TypesInfo, call).(*types.Func)
	if !ok || fn.Pkg() == nil {
		return false
	}
	if fn.Pkg() != field.Pkg() {
		return fn.Pkg() != lr.pass.Pkg
	}
	// netx.Dial(netx.Endpoint{…}) beside netx.Listen.
	sinks := lr.sinksOf(field)
	return len(sinks) > 0 && !slices.ContainsFunc(sinks, func(sk sink) bool {
		return sk.ParamReaders == nil || len(sk.Readers) > 0 || slices.Contains(sk.ParamReaders, fn.Name())
	})
}

// argOf returns the call the value at cur (through & and parentheses) is
// an argument of, or nil.
func argOf(cur inspector.Cursor) *ast.CallExpr {
	cur = unwrapped(cur)
	if cur.ParentEdgeKind() != edge.CallExpr_Args {
		return nil
	}
	return cur.Parent().Node().(*ast.CallExpr)
}

// unwrapped returns the outermost of the &, other unary operators and
// parentheses around the value at cur.
func unwrapped(cur inspector.Cursor) inspector.Cursor {
	for cur.ParentEdgeKind() == edge.UnaryExpr_X || cur.ParentEdgeKind() == edge.ParenExpr_X {
		cur = cur.Parent()
	}
	return cur
}

func inside(cur inspector.Cursor, n ast.Node) bool {
	return n.Pos() <= cur.Node().Pos() && cur.Node().End() <= n.End()
}

func isPointerMethod(s *types.Selection) bool {
	fn, ok := s.Obj().(*types.Func)
	if !ok {
		return true
	}
	_, ptr := fn.Signature().Recv().Type().(*types.Pointer)
	return ptr
}

// dropJudged drops the sites of values written to sink fields that a
// listen site of the package reads already (cfg.Addr = ":8080" before
// http.ListenAndServe(cfg.Addr, nil)): one server, judged there.
func (lr *learner) dropJudged() {
	judged := make(map[ast.Expr]bool)
	for _, fs := range lr.files {
		for _, s := range fs.Sites {
			if s.Via == nil {
				s.Val.Each(func(v *resolve.Val) { judged[v.Expr] = true })
			}
		}
	}
	for _, fs := range lr.files {
		fs.Sites = slices.DeleteFunc(fs.Sites, func(s *Site) bool { return s.fieldWrite && judged[s.Expr] })
	}
}

// fieldSites makes sites of the writes of a sink field of the package.
func (lr *learner) fieldSites(field *types.Var, sk sink) {
	for _, cur := range lr.uses(field.Name()) {
		if u, f := lr.fieldWriteAt(cur); f == field {
			lr.sinkFieldSite(field, sk, u)
		}
	}
	for _, cur := range lr.uses(literals) {
		lr.omitted(cur, field, sk)
	}
}

// omitted makes a site of the literal at cur when it is of field's struct
// type and leaves field out, and the reader gives an empty field a
// default (sink.Default): the unset address listens there, where the
// literal reaches the reader as a written value would. The site's value
// is the literal.
func (lr *learner) omitted(cur inspector.Cursor, field *types.Var, sk sink) {
	if sk.Default == nil {
		return // without a default, empty may mean off: if c.MetricsAddr != "" { go listen(…) }
	}
	lit := cur.Node().(*ast.CompositeLit)
	t := lr.pass.TypesInfo.TypeOf(lit)
	if t == nil || len(lit.Elts) > 0 && !resolve.IsKeyed(lit) {
		return // ill-typed, or every field given
	}
	st, _ := t.Underlying().(*types.Struct)
	if st == nil || structField(st, field.Name()) != field {
		return
	}
	if _, set := resolve.KeyedField(lit, field.Name()); !set {
		lr.sinkFieldSite(field, sk, sinkUse{value: lit, typ: t, holder: litHolder(lr.pass.TypesInfo, lr.res.Vars, cur), write: lit})
	}
}

// litHolder returns the variable holding the struct a literal builds, or
// the list element it is (a range's value variable), if any.
func litHolder(info *types.Info, vars *resolve.VarIndexes, lit inspector.Cursor) *types.Var {
	if holder := assignedVar(info, outerLit(lit), false); holder != nil {
		return holder
	}
	return rangeVar(info, vars, outerLit(lit))
}

// fieldWriteAt returns the write at cur, a keyed element or an
// assignment's left side, and the field it writes, if any.
func (lr *learner) fieldWriteAt(cur inspector.Cursor) (sinkUse, *types.Var) {
	info := lr.pass.TypesInfo
	switch kind, i := cur.ParentEdge(); kind {
	case edge.CompositeLit_Elts:
		lit := cur.Parent().Node().(*ast.CompositeLit)
		kv := cur.Node().(*ast.KeyValueExpr)
		if t, key := info.TypeOf(lit), kv.Key.(*ast.Ident); t != nil {
			holder := litHolder(info, lr.res.Vars, cur.Parent()) // a list's element is held by the range over it, if any
			return sinkUse{value: kv.Value, typ: t, holder: holder, write: lit}, structField(t, key.Name)
		}
	case edge.AssignStmt_Lhs:
		as := cur.Parent().Node().(*ast.AssignStmt)
		sel := ast.Unparen(as.Lhs[i]).(*ast.SelectorExpr)
		if selection := info.Selections[sel]; selection != nil && selection.Kind() == types.FieldVal && len(as.Lhs) == len(as.Rhs) {
			return sinkUse{value: as.Rhs[i], typ: resolve.FieldOwner(selection), holder: holderOf(info, sel), root: rootVar(info, sel), write: as}, selection.Obj().(*types.Var)
		}
	}
	return sinkUse{}, nil
}

// outerLit returns the outermost struct literal holding the one at lit
// (Config{HTTP: Listen{…}} for Listen{…}); an element of a list or map,
// or of an elided type, is its own.
func outerLit(lit inspector.Cursor) inspector.Cursor {
	for c := lit.Parent(); c.Valid(); c = c.Parent() {
		switch n := c.Node().(type) {
		case *ast.CompositeLit:
			switch n.Type.(type) {
			case nil, *ast.ArrayType, *ast.MapType:
				return lit
			}
			lit = c
		case *ast.KeyValueExpr, *ast.UnaryExpr, *ast.ParenExpr:
		default:
			return lit
		}
	}
	return lit
}

// holderOf returns the variable whose field sel selects: cfg in cfg.Addr.
func holderOf(info *types.Info, sel *ast.SelectorExpr) *types.Var {
	if id, ok := ast.Unparen(sel.X).(*ast.Ident); ok {
		v, _ := info.Uses[id].(*types.Var)
		return v
	}
	return nil
}

// rootVar returns the variable a selector chain starts from (s of
// s.http.Addr), if any.
func rootVar(info *types.Info, e ast.Expr) *types.Var {
	for {
		switch x := ast.Unparen(e).(type) {
		case *ast.SelectorExpr:
			e = x.X
		case *ast.Ident:
			v, _ := info.Uses[x].(*types.Var)
			return v
		default:
			return nil
		}
	}
}

// structField returns the field named name of struct type t or *t.
func structField(t types.Type, name string) *types.Var {
	if st := structOf(t); st != nil {
		for f := range st.Fields() {
			if f.Name() == name {
				return f
			}
		}
	}
	return nil
}

func structOf(t types.Type) *types.Struct {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	st, _ := t.Underlying().(*types.Struct)
	return st
}
