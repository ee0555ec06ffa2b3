package resolve

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/portlint/portlint/internal/addrval"
	"golang.org/x/tools/go/analysis"
)

// Any importer may assign an exported variable (var GRPCPort =
// ":50051"): its initial value is known only where every package that
// could assign it is seen, in a command (each package lists in a
// WritesFact the other packages' variables it and its imports assign),
// or under portlint's driver run on a whole module (Module).

// VarFact is the constant an exported package variable holds, unless
// another package assigns it.
type VarFact struct{ Value string }

func (*VarFact) AFact() {}

func (f *VarFact) String() string { return "initialised to " + strconv.Quote(f.Value) }

// WritesFact lists, by VarKey (fieldKey for fields), what of other
// packages a package or its imports assigns or takes the address of.
type WritesFact struct{ Vars []string }

func (*WritesFact) AFact() {}

func (f *WritesFact) String() string { return "assigns " + strings.Join(f.Vars, ", ") }

// Module is the view portlint's driver has of the main module.
type Module struct {
	Whole   bool            // the load named the whole module: no package of it is unseen
	Pkgs    map[string]bool // the paths of its packages loaded
	Written map[string]bool // the exported variables (VarKey) any of them assigns outside tests
	// Writes, if set, returns by key the packages writing it (Written's
	// keys), computed on first need: most runs never ask (the driver's
	// walk of the module's syntax).
	Writes  func() map[string][]string
	writers map[string][]string
	once    sync.Once
	// Kept holds the struct types (NamedTypeName) whose fields the walk
	// follows: of another, nothing is known.
	Kept map[string]bool
	// Commands says the module has a command: it is an application, not
	// a library whose exported variables other modules' programs set.
	Commands bool
}

// written reports whether a package of the module assigns the variable
// or field k; with except, one other than that package.
func (m *Module) written(k, except string) bool {
	if m.Writes != nil {
		m.once.Do(func() {
			m.writers = m.Writes()
			for k := range m.writers {
				m.Written[k] = true
			}
		})
	}
	if except == "" || m.writers == nil {
		return m.Written[k]
	}
	return slices.ContainsFunc(m.writers[k], func(p string) bool { return p != except })
}

// VarKey names a package-level variable across packages.
func VarKey(v *types.Var) string { return v.Pkg().Path() + "." + v.Name() }

// Exported decides, for one package, whether an exported package variable
// holds only what its own package gives it.
type Exported struct {
	Main    bool            // the package is a command: its imports are the program
	Module  *Module         // the driver's module-wide view, or nil
	Written map[string]bool // what this package and its dependencies assign (WritesFacts)
}

// Sealed reports whether no package but v's own assigns the exported
// package variable v, in the program (a command) or in the module.
func (x *Exported) Sealed(v *types.Var) bool {
	return x.sealedKey(VarKey(v), v.Pkg().Path(), "")
}

// sealedKey reports whether no package but its own (path) writes the
// variable or field k; but for the package except, where one is given.
func (x *Exported) sealedKey(k, path, except string) bool {
	if x == nil {
		return false
	}
	if x.Main {
		// Written holds what the program's packages assign, by their
		// facts. The driver's facts stop at the module's packages, so
		// there the variable must be one of theirs.
		return (x.Module == nil || x.Module.Pkgs[path]) && !x.Written[k]
	}
	// A library's exported variable may be meant for other modules to
	// set (server.Addr): only an application's, or one in an internal
	// package, which no other module can import, is the module's alone.
	m := x.Module
	internal := strings.Contains("/"+path+"/", "/internal/")
	return m != nil && m.Whole && m.Pkgs[path] && (m.Commands || internal) && !m.written(k, except) && !x.Written[k]
}

// HasVarsFact marks a package with VarFacts: only a package importing
// one can assign a variable that has one.
type HasVarsFact struct{}

func (*HasVarsFact) AFact() {}

func (*HasVarsFact) String() string { return "has exported address variables" }

// ExportVarFacts exports the package's VarFacts, FieldFacts and
// WritesFact, and returns what it knows of exported variables. Most
// packages neither have candidates nor import facts: no walk.
func ExportVarFacts(pass *analysis.Pass, module *Module, syn Syntax) *Exported {
	x := &Exported{Main: pass.Pkg.Name() == "main", Module: module, Written: make(map[string]bool)}
	candidates := varCandidates(pass.TypesInfo, pass.Files)
	importsVars := slices.ContainsFunc(pass.Pkg.Imports(), func(p *types.Package) bool {
		return pass.ImportPackageFact(p, new(HasVarsFact))
	})
	own := addressFieldTypes(pass.TypesInfo, pass.Files, getterReads(pass))
	var written map[*types.Var]bool
	var foreign []string // what of other packages' the package or its imports write
	write := func(k string) {
		if !x.Written[k] {
			x.Written[k] = true
			foreign = append(foreign, k)
		}
	}
	exported := false
	if len(candidates) > 0 || importsVars || len(own) > 0 {
		w := newWrites(pass.TypesInfo, func(v *types.Var) bool {
			if v.Pkg() == pass.Pkg {
				_, ok := candidates[v]
				return ok
			}
			return importsVars && v.Exported() && pass.ImportObjectFact(v, new(VarFact))
		})
		w.keep = fieldsKept(pass, own, importsVars)
		w.sees = func(p *types.Package) bool { return p == pass.Pkg }
		w.walk(pass.Files, syn)
		written = w.vars
		exported = w.exportFieldFacts(pass, own, !x.Main, write)
	}
	for v := range written {
		if v.Pkg() != pass.Pkg {
			write(VarKey(v))
		}
	}
	for v, value := range candidates {
		if !written[v] && !x.Main { // nothing imports a command
			pass.ExportObjectFact(v, &VarFact{Value: value})
			exported = true
		}
	}
	if exported {
		pass.ExportPackageFact(&HasVarsFact{})
	}
	// A package's WritesFact holds its imports' too: go vet passes on
	// only the package facts of a package's direct imports.
	var w WritesFact // one for all imports: most packages have none
	for _, imp := range pass.Pkg.Imports() {
		if w.Vars = nil; pass.ImportPackageFact(imp, &w) {
			for _, k := range w.Vars {
				write(k)
			}
		}
	}
	if len(foreign) > 0 && !x.Main {
		slices.Sort(foreign)
		pass.ExportPackageFact(&WritesFact{Vars: foreign})
	}
	return x
}

// varCandidates returns the package's exported variables of basic type
// declared with a constant that can be an address (addressVar), with it.
func varCandidates(info *types.Info, files []*ast.File) map[*types.Var]string {
	var out map[*types.Var]string
	for spec := range topSpecs(files, token.VAR) {
		vs := spec.(*ast.ValueSpec)
		if len(vs.Values) != len(vs.Names) {
			continue
		}
		for i, name := range vs.Names {
			v, ok := info.Defs[name].(*types.Var)
			if !ok || !v.Exported() || !IsBasic(v.Type(), types.IsString|types.IsInteger) {
				continue
			}
			if t, ok := constText(info, vs.Values[i]); ok && addressVar(v.Name(), t) {
				if out == nil {
					out = make(map[*types.Var]string)
				}
				out[v] = t
			}
		}
	}
	return out
}

// addressVar reports whether an exported variable named name, holding
// t, may be an address: t can be part of one, and a bare number (which
// syscall.Stdout is too) only in a variable named for a port.
func addressVar(name, t string) bool {
	_, err := strconv.Atoi(t)
	return (err != nil || strings.Contains(strings.ToLower(name), "port")) && addrval.IsAddressValue([]string{t})
}

// foreignVar resolves a read of another package's sealed exported
// variable (pkg.V, or V dot-imported) to its VarFact's constant, or nil.
func (r *Resolver) foreignVar(written, e ast.Expr) *Val {
	v := pkgVar(r.info, e)
	if v == nil || v.Pkg() == r.pkg {
		return nil
	}
	var fact VarFact
	if r.importFact == nil || !r.importFact(v, &fact) || !r.Exported.Sealed(v) {
		return nil
	}
	return leaf(written, addrval.Known(fact.Value, v.Pos()))
}

// AddressVars returns the keys of the files' varCandidates (VarKey) and
// of their struct types with address fields (NamedTypeName).
func AddressVars(info *types.Info, files []*ast.File) []string {
	var keys []string
	for v := range varCandidates(info, files) {
		keys = append(keys, VarKey(v))
	}
	for n := range addressFieldTypes(info, files, nil) {
		keys = append(keys, NamedTypeName(n))
	}
	return keys
}

// AssignedExported returns the keys of what of other packages than pkg
// the files assign, take the address of, or hand out of the module's
// sight (inModule): exported variables (VarKey) keep accepts, and fields
// (fieldKey) of the struct types keep accepts by NamedTypeName. This is
// what portlint's driver gathers of a module.
func AssignedExported(pkg *types.Package, info *types.Info, files []*ast.File, keep func(key string) bool, inModule func(*types.Package) bool) []string {
	w := newWrites(info, func(v *types.Var) bool { return v.Exported() && keep(VarKey(v)) })
	w.keep = func(n *types.Named) bool { return n.Obj().Pkg() != pkg && keep(NamedTypeName(n)) }
	w.sees = inModule
	w.walk(files, nil)
	var keys []string
	for v := range w.vars {
		keys = append(keys, VarKey(v))
	}
	for k := range w.opened {
		keys = append(keys, fieldKey(k.owner, k.name))
	}
	for k := range w.values {
		if !w.opened[k] {
			keys = append(keys, fieldKey(k.owner, k.name))
		}
	}
	return keys
}
