package resolve

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strconv"
	"strings"

	"github.com/portlint/portlint/internal/addrval"
	"golang.org/x/tools/go/analysis"
)

// Exported fields are variables with many writers, in every package that
// builds their struct. A package exports a FieldFact for an exported
// field of its own struct types holding the constants its own code
// writes (literals that set it, assignments, and the zero value of a
// struct that leaves it unset), when it writes nothing else to it and
// hands no value of the struct to another package's function (a
// decoder, flag, reflection) that could write it out of sight. A
// command reads the field as those constants when no package of the
// program writes it: each package lists the fields it writes in its
// WritesFact, as it does for exported variables (exported.go).
//
// Only fields named for an address (addressField) are followed, so that
// a package walks its syntax for field writes only when it declares one.

// FieldFact is the constants an exported field holds by its package's
// own writes.
type FieldFact struct{ Values []string }

func (*FieldFact) AFact() {}

func (f *FieldFact) String() string {
	q := make([]string, len(f.Values))
	for i, v := range f.Values {
		q[i] = strconv.Quote(v)
	}
	return "holds " + strings.Join(q, " or ")
}

// fieldKey names a field of a named struct type across packages, as
// WritesFact lists it: "path.Type.Field" (a FieldKey is a local
// variable's field, in index.go).
func fieldKey(owner types.Type, field string) string {
	return NamedTypeName(owner) + "." + field
}

// addressField reports whether a field's name says it may hold an
// address or a part of one: an integer only when named for a port
// (debug/elf's Section.Addr is none).
func addressField(f *types.Var) bool {
	if !f.Exported() || !IsBasic(f.Type(), types.IsString|types.IsInteger) {
		return false
	}
	words := addressWords
	if !isString(f.Type()) {
		words = portWords
	}
	return slices.ContainsFunc(words, func(w string) bool { return strings.Contains(f.Name(), w) })
}

// The words of a field named for an address, as Go spells them in a
// name: ListenAddr, HTTPPort, BindAddress.
var (
	portWords    = []string{"Port", "PORT"}
	addressWords = append([]string{"Addr", "ADDR", "Listen", "LISTEN", "Bind", "BIND", "Host", "HOST", "Endpoint", "ENDPOINT"}, portWords...)
)

// addressFieldTypes returns the package's struct types with an exported
// field named for an address, from the declarations in its files.
func addressFieldTypes(info *types.Info, files []*ast.File) map[*types.Named]bool {
	var out map[*types.Named]bool
	for _, file := range files {
		for _, d := range file.Decls {
			gd, ok := d.(*ast.GenDecl)
			if !ok || gd.Tok != token.TYPE {
				continue
			}
			for _, spec := range gd.Specs {
				ts := spec.(*ast.TypeSpec)
				if _, isStruct := ts.Type.(*ast.StructType); !isStruct || ts.Assign.IsValid() || !ts.Name.IsExported() {
					continue
				}
				n, ok := info.Defs[ts.Name].(*types.TypeName)
				if !ok {
					continue
				}
				named, ok := n.Type().(*types.Named)
				st, isStruct := named.Underlying().(*types.Struct)
				if !ok || !isStruct {
					continue
				}
				for i := range st.NumFields() {
					if addressField(st.Field(i)) {
						if out == nil {
							out = make(map[*types.Named]bool)
						}
						out[named] = true
						break
					}
				}
			}
		}
	}
	return out
}

// fieldWrites is what a package's files write to the fields of some
// struct types, by FieldKey: the constants, and the fields written
// otherwise or out of sight (opened).
// It records the package-level variables keepVar accepts that the files
// assign or take the address of (vars) in the same walk.
type fieldWrites struct {
	info    *types.Info
	keep    func(*types.Named) bool // nil: no fields
	values  map[string][]string
	opened  map[string]bool
	keepVar func(*types.Var) bool
	vars    map[*types.Var]bool
	reach   map[types.Type][]*types.Named // see reachable
}

func newWrites(info *types.Info, keepVar func(*types.Var) bool) *fieldWrites {
	return &fieldWrites{info: info, keepVar: keepVar, vars: make(map[*types.Var]bool), values: make(map[string][]string), opened: make(map[string]bool), reach: make(map[types.Type][]*types.Named)}
}

// markVar records a write of a kept package-level variable: v or pkg.V.
func (w *fieldWrites) markVar(e ast.Expr) {
	var id *ast.Ident
	switch x := ast.Unparen(e).(type) {
	case *ast.Ident:
		id = x
	case *ast.SelectorExpr:
		id = x.Sel // pkg.V; a field's write names no package variable
	default:
		return
	}
	v, ok := w.info.Uses[id].(*types.Var)
	if ok && !v.IsField() && v.Pkg() != nil && v.Parent() == v.Pkg().Scope() && !w.vars[v] && w.keepVar(v) {
		w.vars[v] = true
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

func (w *fieldWrites) write(n *types.Named, field string, value ast.Expr) {
	k := fieldKey(n, field)
	text := "0"
	if st, _ := n.Underlying().(*types.Struct); value == nil && st != nil && isString(fieldType(st, field)) {
		text = ""
	}
	if value != nil {
		tv := w.info.Types[value]
		t, ok := "", false
		if tv.Value != nil {
			t, ok = ConstText(tv.Value)
		}
		if !ok {
			w.opened[k] = true
			return
		}
		text = t
	}
	if !slices.Contains(w.values[k], text) {
		w.values[k] = append(w.values[k], text)
	}
}

// openAll opens every field of n: a value of it went out of sight.
func (w *fieldWrites) openAll(n *types.Named, st *types.Struct) {
	for i := range st.NumFields() {
		w.opened[fieldKey(n, st.Field(i).Name())] = true
	}
}

// lit records what a struct literal writes, its unset fields' zero
// values included.
func (w *fieldWrites) lit(lit *ast.CompositeLit) {
	n, st := w.owner(w.info.TypeOf(lit))
	if n == nil || st == nil {
		return
	}
	for i := range st.NumFields() {
		f := st.Field(i)
		v, found := KeyedField(lit, f.Name())
		if !found && len(lit.Elts) > 0 && !IsKeyed(lit) && i < len(lit.Elts) {
			v, found = lit.Elts[i], true
		}
		w.write(n, f.Name(), v)
	}
}

// assign records x.f = v, or opens f when written any other way.
func (w *fieldWrites) assign(lhs, rhs ast.Expr, plain bool) {
	w.markVar(lhs)
	sel, ok := ast.Unparen(lhs).(*ast.SelectorExpr)
	if !ok {
		return
	}
	s := w.info.Selections[sel]
	if s == nil || s.Kind() != types.FieldVal {
		return
	}
	n, _ := w.owner(FieldOwner(s))
	if n == nil {
		return
	}
	if !plain || rhs == nil {
		w.opened[fieldKey(n, sel.Sel.Name)] = true
		return
	}
	w.write(n, sel.Sel.Name, rhs)
}

// call opens the struct types whose values a call hands to a function of
// another package (json.Unmarshal(b, &cfg), flag.StringVar(&c.Addr, …)
// is an address taken, seen by assign).
func (w *fieldWrites) call(call *ast.CallExpr) {
	callee := CalleeFunc(w.info, call)
	if _, builtin := w.info.Uses[calleeIdent(call)].(*types.Builtin); builtin {
		if id := calleeIdent(call); id.Name == "new" && len(call.Args) == 1 {
			if n, st := w.owner(w.info.TypeOf(call.Args[0])); n != nil && st != nil {
				for i := range st.NumFields() {
					w.write(n, st.Field(i).Name(), nil)
				}
			}
		}
		return
	}
	for _, a := range call.Args {
		for _, n := range w.reachable(w.info.TypeOf(a), 0) {
			if callee == nil || callee.Pkg() != n.Obj().Pkg() {
				w.openAll(n, n.Underlying().(*types.Struct))
			}
		}
	}
}

// reachable returns the kept struct types a value of type t holds, or
// points to, nested in fields, slices, arrays and maps: a decoder handed
// &File{} writes File.Server.Addr too.
func (w *fieldWrites) reachable(t types.Type, depth int) []*types.Named {
	if t == nil || depth > 4 {
		return nil
	}
	if r, ok := w.reach[t]; ok {
		return r
	}
	w.reach[t] = nil // a cycle holds nothing more
	var out []*types.Named
	switch u := types.Unalias(t).(type) {
	case *types.Basic:
		return nil
	case *types.Pointer:
		out = w.reachable(u.Elem(), depth+1)
	case *types.Slice:
		out = w.reachable(u.Elem(), depth+1)
	case *types.Array:
		out = w.reachable(u.Elem(), depth+1)
	case *types.Map:
		out = w.reachable(u.Elem(), depth+1)
	case *types.Named:
		if n, st := w.owner(u); n != nil && st != nil {
			out = append(out, n)
		}
		out = append(out, w.reachable(u.Underlying(), depth+1)...)
	case *types.Struct:
		for i := range u.NumFields() {
			out = append(out, w.reachable(u.Field(i).Type(), depth+1)...)
		}
	}
	w.reach[t] = out
	return out
}

// walk records the writes of the files to the kept types' fields.
func (w *fieldWrites) walk(files []*ast.File) {
	defaults := make(map[ast.Stmt]bool)
	for _, file := range files {
		for _, d := range file.Decls {
			if gd, ok := d.(*ast.GenDecl); ok && gd.Tok == token.VAR {
				w.zeroVars(gd, nil)
			}
		}
		ast.Inspect(file, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.CompositeLit:
				w.lit(n)
			case *ast.BlockStmt:
				for i, st := range n.List {
					if ds, ok := st.(*ast.DeclStmt); ok {
						w.zeroVars(ds.Decl.(*ast.GenDecl), n.List[i+1:])
					}
				}
			case *ast.IfStmt:
				// if c.Addr == "" { c.Addr = D }: a default, no value of its own.
				if tested, empty := emptyTest(w.info, n.Cond); empty {
					for _, st := range n.Body.List {
						if as, ok := st.(*ast.AssignStmt); ok && len(as.Lhs) == 1 && sameRef(w.info, as.Lhs[0], tested) {
							defaults[as] = true
						}
					}
				}
			case *ast.AssignStmt:
				for i, l := range n.Lhs {
					var rhs ast.Expr
					if len(n.Lhs) == len(n.Rhs) {
						rhs = n.Rhs[i]
					}
					if !defaults[n] {
						w.assign(l, rhs, n.Tok == token.ASSIGN)
					}
				}
			case *ast.IncDecStmt:
				w.assign(n.X, nil, false)
			case *ast.UnaryExpr:
				if n.Op == token.AND {
					w.assign(n.X, nil, false)
				}
			case *ast.RangeStmt:
				if n.Tok == token.ASSIGN {
					w.assign(n.Key, nil, false)
					w.assign(n.Value, nil, false)
				}
			case *ast.CallExpr:
				w.call(n)
			}
			return true
		})
	}
}

// zeroVars records the zero values of the fields of struct variables
// declared without a value (var c Config), but those that the
// assignments right after it set (c.Listen = "localhost:7000").
func (w *fieldWrites) zeroVars(gd *ast.GenDecl, next []ast.Stmt) {
	for _, spec := range gd.Specs {
		vs, ok := spec.(*ast.ValueSpec)
		if !ok || len(vs.Values) > 0 || vs.Type == nil || isPointer(w.info.TypeOf(vs.Type)) {
			continue
		}
		n, st := w.owner(w.info.TypeOf(vs.Type))
		if n == nil || st == nil {
			continue
		}
		for i := range st.NumFields() {
			field := st.Field(i).Name()
			set := false
			for _, stmt := range next {
				as, ok := stmt.(*ast.AssignStmt)
				if !ok {
					break
				}
				set = set || slices.ContainsFunc(as.Lhs, func(l ast.Expr) bool {
					sel, ok := ast.Unparen(l).(*ast.SelectorExpr)
					return ok && sel.Sel.Name == field && slices.ContainsFunc(vs.Names, func(id *ast.Ident) bool { return sameRef(w.info, sel.X, id) })
				})
			}
			if !set {
				w.write(n, field, nil)
			}
		}
	}
}

// foreignField resolves a read of another package's exported field to
// the constants of its FieldFact, in a command no package of which
// writes it.
func (r *Resolver) foreignField(written ast.Expr, sel *ast.SelectorExpr) *Val {
	s := r.info.Selections[sel]
	if s == nil || s.Kind() != types.FieldVal || r.importFact == nil {
		return nil
	}
	f, ok := s.Obj().(*types.Var)
	if !ok || f.Pkg() == nil || f.Pkg() == r.pkg {
		return nil
	}
	var fact FieldFact
	if !r.importFact(f, &fact) || !r.exported.sealedKey(fieldKey(FieldOwner(s), f.Name()), f.Pkg().Path(), true) {
		return nil
	}
	var strs []addrval.Str
	for _, v := range fact.Values {
		strs = addrval.Union(strs, addrval.Known(v, f.Pos()))
	}
	return leaf(written, strs)
}

// FieldOwner returns the type that declares a selected field, following
// embedded fields: s.Addr on a type embedding *http.Server is
// net/http.Server's Addr. It is nil when an embedded field is not a
// struct.
func FieldOwner(sel *types.Selection) types.Type {
	t := sel.Recv()
	idx := sel.Index()
	for _, i := range idx[:len(idx)-1] {
		if p, ok := t.Underlying().(*types.Pointer); ok {
			t = p.Elem()
		}
		st, ok := t.Underlying().(*types.Struct)
		if !ok {
			return nil
		}
		t = st.Field(i).Type()
	}
	return t
}

func fieldType(st *types.Struct, name string) types.Type {
	for i := range st.NumFields() {
		if st.Field(i).Name() == name {
			return st.Field(i).Type()
		}
	}
	return nil
}

func isPointer(t types.Type) bool {
	_, ok := types.Unalias(t).(*types.Pointer)
	return ok
}

// fieldsKept returns which struct types' fields a package's walk records:
// its own with a field named for an address, and, when it imports a
// package with facts, those of other packages with a FieldFact.
func fieldsKept(pass *analysis.Pass, own map[*types.Named]bool, imports bool) func(*types.Named) bool {
	withFacts := make(map[*types.Named]bool)
	return func(n *types.Named) bool {
		if own[n] {
			return true
		}
		has, seen := withFacts[n]
		if !seen && imports {
			if st, ok := n.Underlying().(*types.Struct); ok && n.Obj().Pkg() != nil && n.Obj().Pkg() != pass.Pkg {
				for i := range st.NumFields() {
					has = has || pass.ImportObjectFact(st.Field(i), new(FieldFact))
				}
			}
			withFacts[n] = has
		}
		return has
	}
}

// exportFieldFacts exports the FieldFacts of the package's own types
// (own), with ownFacts, and returns the keys of the fields of other
// packages' types that the files write or open, and whether it exported
// any fact.
func (w *fieldWrites) exportFieldFacts(pass *analysis.Pass, own map[*types.Named]bool, ownFacts bool) (foreign []string, exported bool) {
	ownKeys := make(map[string]bool)
	for n := range own {
		st := n.Underlying().(*types.Struct)
		for i := range st.NumFields() {
			f := st.Field(i)
			k := fieldKey(n, f.Name())
			ownKeys[k] = true
			values := w.values[k]
			set := slices.DeleteFunc(slices.Clone(values), func(v string) bool { return v == "" || v == "0" })
			if !ownFacts || !addressField(f) || w.opened[k] || len(set) == 0 || len(values) > addrval.MaxAlts || !addrval.IsAddressValue(set) {
				continue
			}
			slices.Sort(values)
			pass.ExportObjectFact(f, &FieldFact{Values: values})
			exported = true
		}
	}
	for k := range w.opened {
		if !ownKeys[k] {
			foreign = append(foreign, k)
		}
	}
	for k := range w.values {
		if !w.opened[k] && !ownKeys[k] {
			foreign = append(foreign, k)
		}
	}
	return foreign, exported
}
