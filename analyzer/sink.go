package analyzer

import (
	"cmp"
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strconv"
	"strings"

	"github.com/portlint/portlint/internal/addrval"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"
)

// A sink is a parameter or a struct field whose value reaches the address
// of a listen API: func Run(addr string) { http.ListenAndServe(addr, nil) },
// or the field a Start method passes to net.Listen. Sinks are learned from
// the listen sites of the package (a site whose value has a parameter's
// or a field's hole makes it a sink) and from the sinks it calls or fills
// (a parameter stored into a sink field, passed to a sink, or set by an
// option function). A call passing a constant to a sink, and a composite
// literal or assignment writing one to a sink field, is a site at that
// value, in this package or, through a sinkFact, in any that imports it.

// sinkFact lists the sinks of a function's parameters, or the one of a
// field.
type sinkFact struct{ Sinks []sink }

// sink says how one parameter or field reaches a listen address.
type sink struct {
	Param int // the parameter's index; -1 for a field
	// Port is set when the value is the port alone (":"+port); else it
	// is the whole address.
	Port      bool
	EmptyPort string // the port an empty address means, if any
	// Starts is set when a call of the function starts the server; a
	// constructor or an option only sets the address it starts on later.
	// Creates is set when the call returns the listener it makes, which
	// something else serves (tableflip's Listen, as net.Listen).
	Starts, Creates bool
	API             string // the listen API it reaches in the end: "net.Listen"
	At              string // where that listen site is, "server.go:12"
	// Readers are, for a field, the methods that read it into a listen
	// address: calling one does not change the field.
	Readers []string
	pos     token.Pos
}

func (*sinkFact) AFact() {}

func (f *sinkFact) String() string {
	var parts []string
	for _, s := range f.Sinks {
		what := "address"
		if s.Port {
			what = "port"
		}
		if s.Param >= 0 {
			what = "param " + strconv.Itoa(s.Param) + " " + what
		}
		parts = append(parts, what+" of "+s.API)
	}
	return "sink: " + strings.Join(parts, ", ")
}

// sinkState is the checker's knowledge of sinks in one package.
type sinkState struct {
	local map[types.Object][]sink // this package's sinks, by function or field
	order []types.Object          // in the order learned, for facts
	// imported memoizes other packages' facts.
	imported map[types.Object][]sink
	// funcNames and fieldNames filter calls and field writes by name, in
	// the walk: the names of imported sinks, and of this package's
	// parameters of function type (relays' callees).
	funcNames, fieldNames map[string]bool
	// byName indexes the package's calls and field writes by the name of
	// the function or field, built when its first sink is learned: uses
	// of its own sinks are found there, not in the walk, which spares
	// every package without one.
	byName map[string][]inspector.Cursor
	// written holds the values written to sink fields made sites.
	written map[ast.Expr]bool
	// relays are the functions that pass a parameter to a parameter of
	// function type (callbacks.go), in the order found.
	relays   map[*types.Func][]relay
	relayFns []*types.Func
}

// sinkUse is a value written to a sink field.
type sinkUse struct {
	value  ast.Expr   // the field's value
	typ    types.Type // the type declaring the field
	holder *types.Var // the local variable written, if any
	write  ast.Node   // the literal or assignment that writes it
}

func newSinkState(c *checker) *sinkState {
	st := &sinkState{
		local:      make(map[types.Object][]sink),
		imported:   make(map[types.Object][]sink),
		funcNames:  make(map[string]bool),
		fieldNames: make(map[string]bool),
		relays:     make(map[*types.Func][]relay),
	}
	for _, f := range c.pass.AllObjectFacts() {
		if _, ok := f.Fact.(*sinkFact); ok {
			if v, ok := f.Object.(*types.Var); ok && v.IsField() {
				st.fieldNames[v.Name()] = true
			} else {
				st.funcNames[f.Object.Name()] = true
			}
		}
	}
	for _, file := range c.pass.Files {
		for _, d := range file.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok {
				continue
			}
			for _, field := range fd.Type.Params.List {
				if ft, ok := field.Type.(*ast.FuncType); ok && ft.Params != nil && len(ft.Params.List) > 0 {
					for _, n := range field.Names {
						st.funcNames[n.Name] = true
					}
				}
			}
		}
	}
	return st
}

// uses returns the calls of a function, or the field writes of a field,
// of this package, by name (the callers check the object).
func (c *checker) uses(name string) []inspector.Cursor {
	if c.sinks.byName == nil {
		c.sinks.byName = make(map[string][]inspector.Cursor)
		for _, fs := range c.files {
			if fs.skip {
				continue
			}
			for cur := range fs.fileCur.Preorder((*ast.CallExpr)(nil), (*ast.KeyValueExpr)(nil), (*ast.AssignStmt)(nil)) {
				switch n := cur.Node().(type) {
				case *ast.CallExpr:
					if name := calledName(n); name != "" {
						c.sinks.byName[name] = append(c.sinks.byName[name], cur)
					}
				case *ast.KeyValueExpr:
					if id, ok := n.Key.(*ast.Ident); ok && cur.ParentEdgeKind() == edge.CompositeLit_Elts {
						c.sinks.byName[id.Name] = append(c.sinks.byName[id.Name], cur)
					}
				case *ast.AssignStmt:
					for _, lhs := range n.Lhs {
						if sel, ok := ast.Unparen(lhs).(*ast.SelectorExpr); ok {
							c.sinks.byName[sel.Sel.Name] = append(c.sinks.byName[sel.Sel.Name], cur)
						}
					}
				}
			}
		}
	}
	return c.sinks.byName[name]
}

// sinksOf returns the sinks of a function or field.
func (c *checker) sinksOf(obj types.Object) []sink {
	if obj.Pkg() == c.pass.Pkg {
		return c.sinks.local[obj]
	}
	if s, ok := c.sinks.imported[obj]; ok {
		return s
	}
	var f sinkFact
	if obj.Pkg() != nil && c.pass.ImportObjectFact(obj, &f) {
		c.sinks.imported[obj] = f.Sinks
	} else {
		c.sinks.imported[obj] = nil
	}
	return c.sinks.imported[obj]
}

// sinkCall handles, in the walk, a call of another package's function
// that may have sinks; this package's are found by addSink.
func (c *checker) sinkCall(call *ast.CallExpr, fn *types.Func) {
	if fn.Pkg() == c.pass.Pkg {
		return
	}
	for _, sk := range c.sinksOf(fn) {
		c.sinkCallSite(call, fn, sk)
	}
}

// sinkWrite handles a value written to a field of a struct type typ:
// into a local variable (in a composite literal assigned to it, or by an
// assignment to its field), or elsewhere (holder nil).
func (c *checker) sinkWrite(field *types.Var, typ types.Type, value ast.Expr, holder *types.Var, write ast.Node) {
	if field.Pkg() == c.pass.Pkg {
		return // found by addSink
	}
	for _, sk := range c.sinksOf(field) {
		c.sinkFieldSite(field, sk, sinkUse{value: value, typ: typ, holder: holder, write: write})
	}
}

// sinkFieldSite records the site of a value written to a sink field,
// unless it is written into a variable it cannot reach the sink from.
func (c *checker) sinkFieldSite(field *types.Var, sk sink, u sinkUse) {
	if _, ruled := c.rules.fields[namedTypeName(u.typ)][field.Name()]; ruled {
		return // http.Server.Addr in net/http itself: a site by its rule
	}
	// A parameter's field goes back to the caller's value.
	if h := u.holder; h != nil && !c.res.vars.of(h).params[h] && !c.writeReaches(h, field.Name(), sk.Readers, u.write) {
		return
	}
	if c.sinks.written[u.value] {
		return // a site already, before a reader was learned
	}
	if c.sinks.written == nil {
		c.sinks.written = make(map[ast.Expr]bool)
	}
	c.sinks.written[u.value] = true
	c.sinkValueSite(shortType(namedTypeName(u.typ))+"."+field.Name(), u.value, field, sk, nil)
}

// writeReaches reports whether a value written to field of the local
// variable v (by write) reaches whatever reads the field into a listen
// address: v is passed on whole (a struct value, copied) or used by a
// reader method, and the field is not written again, nor its address
// taken, nor v changed by another method. A variable only ever read field
// by field is judged where those reads are listen sites.
func (c *checker) writeReaches(v *types.Var, field string, readers []string, write ast.Node) bool {
	if v.Pkg() != c.pass.Pkg || v.Parent() == c.pass.Pkg.Scope() {
		return false
	}
	_, isPtr := v.Type().Underlying().(*types.Pointer)
	body, ok := c.res.decls.find(v.Pos(), v.Pos())
	if !ok {
		return false
	}
	for fn := range body.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		body = fn
		break
	}
	reaches := false
	for idCur := range body.Preorder((*ast.Ident)(nil)) {
		if c.pass.TypesInfo.Uses[idCur.Node().(*ast.Ident)] != v {
			continue
		}
		switch idCur.ParentEdgeKind() {
		case edge.SelectorExpr_X:
			sel := idCur.Parent()
			expr := sel.Node().(*ast.SelectorExpr)
			selection := c.pass.TypesInfo.Selections[expr]
			switch {
			case selection == nil:
				return false
			case selection.Kind() == types.FieldVal:
				if expr.Sel.Name == field && written(sel) && (write == nil || !inside(sel, write)) {
					return false // written again, or its address taken
				}
			case slices.Contains(readers, expr.Sel.Name):
				reaches = true
			case isPtr || isPointerMethod(selection):
				return false // a method that may change it
			}
		case edge.AssignStmt_Lhs:
		case edge.UnaryExpr_X:
			return false // &v
		default:
			if isPtr {
				return false // an alias may change it
			}
			reaches = true // a copy goes on
		}
	}
	return reaches
}

// written reports whether the expression at cur is assigned to, or its
// address taken.
func written(cur inspector.Cursor) bool {
	switch cur.ParentEdgeKind() {
	case edge.AssignStmt_Lhs, edge.UnaryExpr_X, edge.IncDecStmt_X:
		return true
	}
	return false
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

func (c *checker) sinkCallSite(call *ast.CallExpr, fn *types.Func, sk sink) {
	i := sk.Param
	if isMethodExpr(c.pass.TypesInfo, call) {
		i++
	}
	if !fixedArg(call, i) {
		return
	}
	c.sinkValueSite(apiName(fn), call.Args[i], fn, sk, call)
}

// sinkValueSite records the site of a value that reaches a sink.
func (c *checker) sinkValueSite(api string, value ast.Expr, obj types.Object, sk sink, call *ast.CallExpr) {
	v := c.res.str(value)
	strs, role := v.strs, roleAddress
	if sk.Port {
		// The host is the callee's business, reported there.
		strs, role = addrval.Concat(addrval.Concat(addrval.Unknown(), addrval.Known(":", value.Pos())), strs), rolePort
	}
	w := &via{pos: sk.pos, msg: api + " passes it to " + sk.API + " here"}
	if obj.Pkg() != c.pass.Pkg {
		w = &via{pos: obj.Pos(), msg: api + " passes it to " + sk.API + " (" + sk.At + ")"}
	}
	_, field := obj.(*types.Var)
	c.addSite(site{api: api, listenAPI: sk.API, listenAt: sk.At, expr: value, val: v, shape: shapeString, emptyPort: sk.EmptyPort,
		paramRole: role, via: w, call: call, fieldWrite: field, elsewhere: field || !sk.Starts, creates: sk.Creates && call != nil}, strs)
}

// dropJudged drops the sites of values written to sink fields that a
// listen site of the package reads already (cfg.Addr = ":8080" before
// http.ListenAndServe(cfg.Addr, nil)): one server, judged there.
func (c *checker) dropJudged() {
	judged := make(map[ast.Expr]bool)
	var walk func(v *val)
	walk = func(v *val) {
		if v == nil {
			return
		}
		if v.expr != nil {
			judged[v.expr] = true
		}
		for _, p := range v.parts {
			walk(p)
		}
	}
	any := false
	for _, fs := range c.files {
		for _, s := range fs.sites {
			if s.via == nil {
				walk(s.val)
			}
			any = any || s.fieldWrite
		}
	}
	if !any {
		return
	}
	for _, fs := range c.files {
		fs.sites = slices.DeleteFunc(fs.sites, func(s *site) bool { return s.fieldWrite && judged[s.expr] })
	}
}

// addSite records a site whose address has the values strs, after
// tracing it to the callers of a parameter (params.go) and learning the
// sinks it shows.
func (c *checker) addSite(s site, strs []addrval.Str) {
	if s.listenAPI == "" {
		s.listenAPI, s.listenAt = s.api, c.position(s.expr.Pos())
	}
	if c.throughParams(s, strs) {
		return
	}
	c.learnSinks(s, strs)
	if !s.learnOnly {
		s.alts = addrval.SplitAll(strs, s.emptyPort)
		c.record(s)
	}
}

// learnSinks makes a sink of each parameter or field whose hole is the
// whole address or its port in strs.
func (c *checker) learnSinks(s site, strs []addrval.Str) {
	var seen []*types.Var
	for _, alt := range strs {
		for _, g := range alt {
			v, ok := g.Hole.(*types.Var)
			if !ok || slices.Contains(seen, v) {
				continue
			}
			seen = append(seen, v)
			role := sinkRole(strs, v)
			if role == roleNone {
				continue
			}
			sk := sink{Param: -1, Port: role == rolePort, Starts: !s.elsewhere, API: s.listenAPI, At: s.listenAt, pos: s.expr.Pos()}
			if !sk.Port {
				sk.EmptyPort = s.emptyPort
			}
			if v.IsField() {
				if d, ok := c.res.decls.decl(s.expr.Pos()); ok {
					if fd, ok := d.Node().(*ast.FuncDecl); ok && fd.Recv != nil {
						sk.Readers = []string{fd.Name.Name}
					}
				}
				c.addSink(v, sk)
			} else if o, ok := c.res.paramOf(v); ok && o.fn != nil && !c.res.knownCallers(o) {
				sk.Param = o.index
				sk.Creates = s.creates && returnsListener(o.fn)
				c.addSink(o.fn, sk)
			}
		}
	}
}

// addSink records a sink of this package and makes sites of the uses
// already seen.
func (c *checker) addSink(obj types.Object, sk sink) {
	have := c.sinks.local[obj]
	if i := slices.IndexFunc(have, func(h sink) bool { return h.Param == sk.Param }); i >= 0 {
		grown := false
		for _, r := range sk.Readers {
			if !slices.Contains(have[i].Readers, r) {
				have[i].Readers = append(have[i].Readers, r)
				grown = true
			}
		}
		if grown { // a write the readers known so far did not reach may now
			c.fieldSites(obj.(*types.Var), have[i])
		}
		return
	}
	if have == nil {
		c.sinks.order = append(c.sinks.order, obj)
	}
	c.sinks.local[obj] = append(have, sk)
	switch obj := obj.(type) {
	case *types.Func:
		for _, cur := range c.uses(obj.Name()) {
			if call, ok := cur.Node().(*ast.CallExpr); ok && typeutil.Callee(c.pass.TypesInfo, call) == obj {
				c.sinkCallSite(call, obj, sk)
			}
		}
	case *types.Var:
		c.fieldSites(obj, sk)
	}
}

// fieldSites makes sites of the writes of a sink field of the package.
func (c *checker) fieldSites(field *types.Var, sk sink) {
	for _, cur := range c.uses(field.Name()) {
		if u, ok := c.fieldWriteAt(cur, field); ok {
			c.sinkFieldSite(field, sk, u)
		}
	}
}

// fieldWriteAt returns the write of field at cur, a keyed element of a
// composite literal or an assignment, if it writes that field.
func (c *checker) fieldWriteAt(cur inspector.Cursor, field *types.Var) (sinkUse, bool) {
	info := c.pass.TypesInfo
	switch n := cur.Node().(type) {
	case *ast.KeyValueExpr:
		litCur := cur.Parent()
		lit := litCur.Node().(*ast.CompositeLit)
		t := info.TypeOf(lit)
		if t == nil || structField(t, field.Name()) != field {
			return sinkUse{}, false
		}
		return sinkUse{value: n.Value, typ: t, holder: assignedVar(info, litCur), write: lit}, true
	case *ast.AssignStmt:
		if len(n.Lhs) != len(n.Rhs) {
			return sinkUse{}, false
		}
		for i, lhs := range n.Lhs {
			sel, ok := ast.Unparen(lhs).(*ast.SelectorExpr)
			if !ok || sel.Sel.Name != field.Name() {
				continue
			}
			selection := info.Selections[sel]
			if selection == nil || selection.Obj() != field {
				continue
			}
			return sinkUse{value: n.Rhs[i], typ: fieldOwnerType(selection), holder: holderOf(info, sel), write: n}, true
		}
	}
	return sinkUse{}, false
}

// holderOf returns the variable whose field sel selects: cfg in cfg.Addr.
func holderOf(info *types.Info, sel *ast.SelectorExpr) *types.Var {
	if id, ok := ast.Unparen(sel.X).(*ast.Ident); ok {
		v, _ := info.Uses[id].(*types.Var)
		return v
	}
	return nil
}

// exportSinkFacts exports the sinks other packages can use.
func (c *checker) exportSinkFacts() {
	for _, obj := range c.sinks.order {
		if obj.Exported() {
			c.pass.ExportObjectFact(obj, &sinkFact{Sinks: c.sinks.local[obj]})
		}
	}
}

// sinkableField returns the field sel reads when it is a field of a type
// of this package that can hold an address: its writers are the sites.
func (r *resolver) sinkableField(sel *ast.SelectorExpr) *types.Var {
	s := r.info.Selections[sel]
	if s == nil || s.Kind() != types.FieldVal {
		return nil
	}
	f, ok := s.Obj().(*types.Var)
	if !ok || f.Pkg() != r.pkg || !isBasic(f.Type(), types.IsString|types.IsInteger) {
		return nil
	}
	return f
}

// structField returns the field of a composite literal's struct type
// named name.
func structField(t types.Type, name string) *types.Var {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	st, ok := t.Underlying().(*types.Struct)
	if !ok {
		return nil
	}
	for i := range st.NumFields() {
		if f := st.Field(i); f.Name() == name {
			return f
		}
	}
	return nil
}

// sortSites puts a file's sites in the order of the source: sites found
// through sinks are recorded when the sink is learned.
func sortSites(sites []*site) {
	slices.SortStableFunc(sites, func(a, b *site) int { return cmp.Compare(a.expr.Pos(), b.expr.Pos()) })
}

// returnsListener reports whether a function returns a listener or a
// packet connection (a result with an Accept or ReadFrom method).
func returnsListener(fn *types.Func) bool {
	results := fn.Signature().Results()
	for i := range results.Len() {
		t := results.At(i).Type()
		for _, m := range []string{"Accept", "ReadFrom"} {
			if obj, _, _ := types.LookupFieldOrMethod(t, true, fn.Pkg(), m); obj != nil {
				if _, ok := obj.(*types.Func); ok {
					return true
				}
			}
		}
	}
	return false
}
