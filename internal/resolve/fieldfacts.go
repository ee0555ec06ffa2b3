package resolve

import (
	"go/ast"
	"go/token"
	"go/types"
	"iter"
	"slices"
	"strings"

	"github.com/portlint/portlint/internal/addrval"
	"golang.org/x/tools/go/analysis"
)

// Exported fields are variables with many writers, in every package that
// builds their struct. A package exports a FieldFact for an exported
// field named for an address (addressField) of its own struct types: the
// constants its code writes (fieldWrites), when it writes nothing else
// and hands no value of the struct to another package's function (a
// decoder). A command reads them when no package writes the field
// (WritesFact, exported.go).

// FieldFact is the constants an exported field holds by its package's
// own writes; for a struct held by value, Sub holds its fields' by path
// (Config.HTTP's Port), which another field of that type does not share.
type FieldFact struct {
	Values []string
	Sub    []SubField
}

// SubField is the constants a field of a struct-valued field holds.
type SubField struct {
	Name   string
	Values []string
}

func (*FieldFact) AFact() {}

func (f *FieldFact) String() string {
	parts := []string{quoted(f.Values)}
	if len(f.Sub) > 0 {
		parts = nil
	}
	for _, sub := range f.Sub {
		parts = append(parts, sub.Name+" "+quoted(sub.Values))
	}
	return "holds " + strings.Join(parts, ", ")
}

// fieldRef is a field of a named struct type, in a package's walk.
type fieldRef struct {
	owner *types.Named
	name  string
}

// fieldKey names a field of a named struct type in a WritesFact:
// "path.Type.Field".
func fieldKey(owner types.Type, field string) string {
	return NamedTypeName(owner) + "." + field
}

// addressField reports whether a field's name says it may hold an
// address or a part of one: an integer only when named for a port
// (debug/elf's Section.Addr is none). An unexported one is read by
// importers only through a method's ReturnsFact (func (c *Config) Addr()
// string { return c.addr }), and written only in sight (getterReads).
func addressField(f *types.Var) bool {
	if !IsBasic(f.Type(), types.IsString|types.IsInteger) {
		return false
	}
	name := strings.ToUpper(f.Name()[:1]) + f.Name()[1:]
	if !isString(f.Type()) {
		return slices.ContainsFunc(portWords, func(w string) bool { return strings.Contains(name, w) })
	}
	return AddressName(name)
}

// AddressName reports whether a name says it may hold an address.
func AddressName(name string) bool {
	return slices.ContainsFunc(addressWords, func(w string) bool { return strings.Contains(name, w) })
}

// The words of a field named for an address, as Go spells them in a
// name: ListenAddr, HTTPPort, BindAddress.
var (
	portWords    = []string{"Port", "PORT"}
	addressWords = append([]string{"Addr", "ADDR", "Listen", "LISTEN", "Bind", "BIND", "Host", "HOST", "Endpoint", "ENDPOINT"}, portWords...)
)

// addressFieldTypes returns the package's exported struct types with an
// exported field named for an address (round 0), or an unexported one a
// getter's ReturnsFact names (getter, if not nil), or holding one of them
// by value (round 1: its fields by path).
func addressFieldTypes(info *types.Info, files []*ast.File, getter func(*types.Named, *types.Var) bool) map[*types.Named]bool {
	var out map[*types.Named]bool
	for round := range 2 {
		for spec := range topSpecs(files, token.TYPE) {
			ts := spec.(*ast.TypeSpec)
			tn, ok := info.Defs[ts.Name].(*types.TypeName)
			_, literal := ts.Type.(*ast.StructType)
			if !ok || ts.Assign.IsValid() || !tn.Exported() || round == 0 && !literal {
				continue
			}
			st, isStruct := tn.Type().Underlying().(*types.Struct)
			for i := 0; isStruct && i < st.NumFields(); i++ {
				n, isNamed := types.Unalias(st.Field(i).Type()).(*types.Named)
				f := st.Field(i)
				if round == 0 && addressField(f) && (f.Exported() || getter != nil && getter(tn.Type().(*types.Named), f)) || round == 1 && isNamed && f.Exported() && out[n] {
					if out == nil {
						out = make(map[*types.Named]bool)
					}
					out[tn.Type().(*types.Named)] = true
				}
			}
		}
	}
	return out
}

// topSpecs yields the specs of the files' top-level tok declarations.
func topSpecs(files []*ast.File, tok token.Token) iter.Seq[ast.Spec] {
	return func(yield func(ast.Spec) bool) {
		for _, file := range files {
			for _, d := range file.Decls {
				if gd, ok := d.(*ast.GenDecl); ok && gd.Tok == tok {
					for _, spec := range gd.Specs {
						if !yield(spec) {
							return
						}
					}
				}
			}
		}
	}
}

// foreignField resolves a read of another package's exported field to
// its FieldFact's constants, in a command no package of which writes it.
func (r *Resolver) foreignField(written ast.Expr, sel *ast.SelectorExpr) *Val {
	_, s := fieldSel(r.info, sel)
	if s == nil || r.importFact == nil {
		return nil
	}
	f, ok := s.Obj().(*types.Var)
	if !ok || f.Pkg() == nil || f.Pkg() == r.pkg {
		return nil
	}
	// cfg.HTTP.Port: HTTP's own record of its Port, if it has one.
	if _, outer := fieldSel(r.info, sel.X); outer != nil {
		var held FieldFact
		of := outer.Obj()
		key := fieldKey(FieldOwner(outer), of.Name())
		if of.Pkg() == f.Pkg() && r.importFact(of, &held) &&
			r.Exported.sealedKey(key, f.Pkg().Path(), "") && r.Exported.sealedKey(key+"."+f.Name(), f.Pkg().Path(), "") {
			if i := slices.IndexFunc(held.Sub, func(sub SubField) bool { return sub.Name == f.Name() }); i >= 0 {
				return many(leaf(written, knownAll(held.Sub[i].Values, of.Pos())))
			}
		}
	}
	if strs := r.factField(FieldOwner(s), f); strs != nil {
		return many(leaf(written, strs))
	}
	return nil
}

// many marks v as the union of several constructions' values.
func many(v *Val) *Val {
	v.Many = true
	return v
}

// factField returns the values of another package's field f of owner
// by its FieldFact, nil if it has none or may be written out of sight.
func (r *Resolver) factField(owner types.Type, f *types.Var) []addrval.Str {
	var fact FieldFact
	if !r.importFact(f, &fact) || !r.Exported.sealedKey(fieldKey(owner, f.Name()), f.Pkg().Path(), "") {
		return nil
	}
	return knownAll(fact.Values, f.Pos())
}

// FieldSealed reports whether, in the driver's view of the module, no
// package but pkg, a library, writes field f of a struct of type owner or
// hands the struct out of sight, and only the module's packages can call
// pkg's functions (sealedKey). FieldWrittenElsewhere reports that another
// package does. Either is known only of the types the module's walk
// follows (Module.Kept).
func (x *Exported) FieldSealed(pkg string, owner types.Type, f *types.Var) bool {
	return x.follows(owner) && x.sealedKey(fieldKey(owner, f.Name()), pkg, pkg)
}

func (x *Exported) FieldWrittenElsewhere(pkg string, owner types.Type, f *types.Var) bool {
	return x.follows(owner) && x.Module.written(fieldKey(owner, f.Name()), pkg)
}

func (x *Exported) follows(owner types.Type) bool {
	return x != nil && x.Module != nil && x.Module.Kept[NamedTypeName(owner)]
}

// FieldOwner returns the type that declares a selected field, following
// embedded fields (s.Addr of a type embedding *http.Server is
// net/http.Server's), or nil when an embedded field is not a struct.
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

// fieldsKept returns which struct types' fields a package's walk records:
// its own (own), and, when it imports a package with facts, other
// packages' with a FieldFact.
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

// factValues returns the values of field f at k for its FieldFact: the
// constants written, when nothing else is, one is not zero, and they can
// be an address.
func (w *fieldWrites) factValues(k fieldRef, f *types.Var) ([]string, bool) {
	values := slices.Clone(w.values[k])
	set := slices.DeleteFunc(slices.Clone(values), func(v string) bool { return v == "" || v == "0" })
	// A value with a hole is an address already (writtenTexts).
	consts := slices.DeleteFunc(slices.Clone(set), func(v string) bool { return strings.Contains(v, factHole) })
	if !addressField(f) || w.opened[k] || len(set) == 0 || len(values) > addrval.MaxAlts || !addrval.IsAddressValue(consts) {
		return nil, false
	}
	slices.Sort(values)
	return values, true
}

// exportFieldFacts exports, with ownFacts, the FieldFacts of the types of
// own, and reports whether it did; it hands write the keys of the other
// packages' fields the files write.
func (w *fieldWrites) exportFieldFacts(pass *analysis.Pass, own map[*types.Named]bool, ownFacts bool, write func(key string)) (exported bool) {
	for n := range own {
		for f := range n.Underlying().(*types.Struct).Fields() {
			var fact FieldFact
			if inner, isNamed := types.Unalias(f.Type()).(*types.Named); isNamed && own[inner] {
				// Config.HTTP of type Listen: Listen's fields by path.
				for g := range inner.Underlying().(*types.Struct).Fields() {
					if values, ok := w.factValues(fieldRef{n, f.Name() + "." + g.Name()}, g); ok && f.Exported() && !w.opened[fieldRef{n, f.Name()}] {
						fact.Sub = append(fact.Sub, SubField{g.Name(), values})
					}
				}
			} else {
				fact.Values, _ = w.factValues(fieldRef{n, f.Name()}, f)
			}
			if ownFacts && (fact.Values != nil || fact.Sub != nil) {
				pass.ExportObjectFact(f, &fact)
				exported = true
			}
		}
	}
	for k := range w.opened {
		if !own[k.owner] {
			write(fieldKey(k.owner, k.name))
		}
	}
	for k := range w.values { // write dedupes those also opened
		if !own[k.owner] {
			write(fieldKey(k.owner, k.name))
		}
	}
	return exported
}

// getterReads reports whether a method of n has a ReturnsFact naming its
// field f: the one way an importer reads an unexported field.
func getterReads(pass *analysis.Pass) func(*types.Named, *types.Var) bool {
	return func(n *types.Named, f *types.Var) bool {
		for m := range n.Methods() {
			var rf ReturnsFact
			if pass.ImportObjectFact(m, &rf) && slices.ContainsFunc(rf.Values, func(v string) bool {
				return strings.Contains(v, factField+f.Name()+factField)
			}) {
				return true
			}
		}
		return false
	}
}
