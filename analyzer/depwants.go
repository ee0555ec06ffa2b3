package analyzer

import (
	"go/ast"
	"go/constant"
	"go/parser"
	"go/token"
	"go/types"
	"maps"
	"path/filepath"
	"slices"
	"sync"

	"github.com/portlint/portlint/internal/addrval"
	"github.com/portlint/portlint/internal/resolve"
	"golang.org/x/tools/go/ast/astutil"
)

// DepWants is the driver's test of a use (driver.DepWants): whether user,
// a package whose files name obj at id, an object of a candidate whose
// scan returned names, can read a fact of it that matters there. A
// method of an interface has none. A function the scan named may have a
// SinkFact if it has a parameter that can hold an address, and a
// ServerFact, which only a command reads; a field the scan named may
// have a SinkFact, which matters where it is written, if it can hold an
// address. A function may also return a constant address (ReturnsFact)
// or be an option constructor (OptionFact), which its declaration shows.
// A dependency's exported variable matters only without the driver's
// view of the module, which seals only the module's own.
func DepWants(fset *token.FileSet, user *types.Package, files []*ast.File, id *ast.Ident, obj types.Object, goFiles []string, names map[string]bool) bool {
	switch obj := obj.(type) {
	case *types.Func:
		if recv := obj.Signature().Recv(); recv != nil && types.IsInterface(recv.Type()) {
			return false
		}
		key := "f:" + obj.Name()
		if obj.Signature().Recv() != nil {
			key = "m:" + obj.Name()
		}
		if names[key] && addressParam(obj.Signature()) || user.Name() == "main" && names["S"+key] {
			return true
		}
		return obj.Exported() && obj.Origin() == obj && mayReturnOrOption(fset, obj, goFiles, func() bool { return optionArg(files, id, names) })
	case *types.Var:
		if obj.IsField() {
			return names["v:"+obj.Name()] && holdsAddress(obj.Type()) && written(files, id)
		}
		return flagConfig.module == nil && obj.Exported() && resolve.IsBasic(obj.Type(), types.IsString|types.IsInteger)
	}
	return false
}

// written reports whether id, a field's name in one of files, is written
// there: a literal's key, or the field of an assignment's left side.
func written(files []*ast.File, id *ast.Ident) bool {
	for _, f := range files {
		if f.FileStart <= id.Pos() && id.Pos() < f.FileEnd {
			path, _ := astutil.PathEnclosingInterval(f, id.Pos(), id.End())
			if len(path) < 2 || path[0] != id {
				return true // not found: it may be
			}
			switch parent := path[1].(type) {
			case *ast.KeyValueExpr:
				return parent.Key == id
			case *ast.SelectorExpr:
				if len(path) < 3 || parent.Sel != id {
					return false
				}
				var lhs ast.Node = parent
				i := 2
				for ; i < len(path); i++ {
					if p, ok := path[i].(*ast.ParenExpr); ok {
						lhs = p
						continue
					}
					break
				}
				if i < len(path) {
					switch st := path[i].(type) {
					case *ast.AssignStmt:
						for _, l := range st.Lhs {
							if l == lhs {
								return true
							}
						}
					case *ast.IncDecStmt:
						return st.X == lhs
					case *ast.UnaryExpr:
						return st.Op == token.AND // &x.f: written out of sight
					}
				}
				return false
			}
			return false
		}
	}
	return true
}

// holdsAddress reports whether a value of t can be an address, a host or
// a port, which the resolver follows: a string or an integer, named or
// not, or a pointer to one.
func holdsAddress(t types.Type) bool {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&(types.IsString|types.IsInteger) != 0
}

// addressParam reports whether sig has a parameter that can be a sink: one
// that can hold an address, or a variadic one of those (whose first
// element can).
func addressParam(sig *types.Signature) bool {
	params := sig.Params()
	for i := range params.Len() {
		t := params.At(i).Type()
		if sig.Variadic() && i == params.Len()-1 {
			if s, ok := t.Underlying().(*types.Slice); ok {
				t = s.Elem()
			}
		}
		if holdsAddress(t) {
			return true
		}
	}
	return false
}

// mayReturnOrOption reports whether fn may get a ReturnsFact (every
// return's first result a constant address: resolve.ExportReturnFacts)
// or an OptionFact (every return a function literal: options.go of
// internal/sites) where it is used (optionUse), judged from its
// declaration's syntax.
func mayReturnOrOption(fset *token.FileSet, fn *types.Func, goFiles []string, optionUse func() bool) bool {
	sig := fn.Signature()
	results := sig.Results()
	returns := sig.TypeParams().Len() == 0 && sig.RecvTypeParams().Len() == 0 && results.Len() > 0 &&
		resolve.IsBasic(results.At(0).Type(), types.IsString|types.IsInteger)
	option := sig.Recv() == nil && results.Len() > 0 && results.At(0).Name() == "" && isOptionType(results.At(0).Type()) && optionUse()
	if !returns && !option {
		return false
	}
	v, found := declOf(fset, fn, goFiles)
	if !found {
		return true // not found: it may
	}
	return returns && v.constant || option && v.literals
}

// constantReturns reports whether every return of fd may return a
// constant first, and, where all are literals (or constants of its file
// declared with one, consts), an address. vars are its file's package
// variables, never constants.
func constantReturns(fd *ast.FuncDecl, consts map[string]*ast.BasicLit, vars map[string]bool) bool {
	locals := maps.Clone(vars) // the receiver, parameters, results and variables: never constants
	locals["nil"], locals["true"], locals["false"] = true, true, true
	for _, list := range []*ast.FieldList{fd.Recv, fd.Type.Params, fd.Type.Results} {
		if list != nil {
			for _, f := range list.List {
				for _, n := range f.Names {
					locals[n.Name] = true
				}
			}
		}
	}
	ast.Inspect(fd.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			if n.Tok == token.DEFINE {
				for _, l := range n.Lhs {
					if id, ok := l.(*ast.Ident); ok {
						locals[id.Name] = true
					}
				}
			}
		case *ast.ValueSpec:
			for _, id := range n.Names {
				locals[id.Name] = true
			}
		case *ast.RangeStmt:
			if n.Tok == token.DEFINE {
				for _, e := range []ast.Expr{n.Key, n.Value} {
					if id, ok := e.(*ast.Ident); ok {
						locals[id.Name] = true
					}
				}
			}
		}
		return true
	})
	results := 0
	if fd.Type.Results != nil {
		for _, f := range fd.Type.Results.List {
			results += max(1, len(f.Names))
		}
	}
	if results == 0 {
		return false
	}
	var values []string
	ok, literals, seen := true, true, false
	ast.Inspect(fd.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			seen = true
			if len(n.Results) != results || !constantShaped(n.Results[0], locals) {
				ok = false
				break
			}
			lit, isLit := ast.Unparen(n.Results[0]).(*ast.BasicLit)
			if id, ok := ast.Unparen(n.Results[0]).(*ast.Ident); ok && consts[id.Name] != nil {
				lit, isLit = consts[id.Name], true
			}
			if !isLit || lit.Kind != token.STRING && lit.Kind != token.INT {
				literals = false
				break
			}
			if t, known := resolve.ConstText(constant.MakeFromLiteral(lit.Value, lit.Kind, 0)); known {
				values = append(values, t)
			}
		}
		return ok
	})
	if !ok || !seen {
		return false
	}
	if literals {
		return len(values) > 0 && addrval.IsAddressValue(values)
	}
	return true
}

// constantShaped reports whether e may be a constant expression: made of
// literals, names (not of locals), operators and conversions.
func constantShaped(e ast.Expr, locals map[string]bool) bool {
	switch e := ast.Unparen(e).(type) {
	case *ast.BasicLit:
		return true
	case *ast.Ident:
		return !locals[e.Name]
	case *ast.SelectorExpr:
		x, ok := e.X.(*ast.Ident)
		return ok && !locals[x.Name]
	case *ast.UnaryExpr:
		return constantShaped(e.X, locals)
	case *ast.BinaryExpr:
		return constantShaped(e.X, locals) && constantShaped(e.Y, locals)
	case *ast.CallExpr:
		// A conversion T(c) or pkg.T(c), or a builtin (len, min).
		if _, sel := e.Fun.(*ast.SelectorExpr); len(e.Args) == 0 || sel && len(e.Args) != 1 {
			return false
		}
		for _, a := range e.Args {
			if !constantShaped(a, locals) {
				return false
			}
		}
		return true
	}
	return false
}

// literalReturns reports whether every return of fd returns a function
// literal first.
func literalReturns(fd *ast.FuncDecl) bool {
	ok, seen := true, false
	ast.Inspect(fd.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			seen = true
			if len(n.Results) == 0 {
				ok = false
			} else if _, lit := ast.Unparen(n.Results[0]).(*ast.FuncLit); !lit {
				ok = false
			}
		}
		return ok
	})
	return ok && seen
}

// isOptionType reports whether t is a function of one parameter, a
// pointer to a struct: the option type of internal/sites (options.go).
func isOptionType(t types.Type) bool {
	sig, ok := t.Underlying().(*types.Signature)
	if !ok || sig.Params().Len() != 1 {
		return false
	}
	p, ok := sig.Params().At(0).Type().Underlying().(*types.Pointer)
	if !ok {
		return false
	}
	_, ok = p.Elem().Underlying().(*types.Struct)
	return ok
}

// What the syntax of a function's declaration says (mayReturnOrOption).
type declVerdict struct {
	constant bool // constantReturns
	literals bool // literalReturns
}

type declKey struct {
	name string
	line int
}

// declFiles caches, by file name, the verdicts on the functions a file
// declares, by name and line, so that each file is parsed once.
var declFiles sync.Map // string -> *declFile

type declFile struct {
	once  sync.Once
	decls map[declKey]declVerdict // nil if the file cannot be parsed
}

// declOf returns the verdict on the declaration of fn, found by the file
// and line fset gives its position (export data records both), in that
// file or, if it cannot be read (a -trimpath build), in the file of
// goFiles with its base name; false if there is none.
func declOf(fset *token.FileSet, fn *types.Func, goFiles []string) (declVerdict, bool) {
	pos := fset.Position(fn.Pos())
	if !pos.IsValid() {
		return declVerdict{}, false
	}
	names := []string{pos.Filename}
	for _, f := range goFiles {
		if f != pos.Filename && filepath.Base(f) == filepath.Base(pos.Filename) {
			names = append(names, f)
		}
	}
	for _, name := range names {
		v, _ := declFiles.LoadOrStore(name, new(declFile))
		df := v.(*declFile)
		df.once.Do(func() {
			fs := token.NewFileSet()
			f, err := parser.ParseFile(fs, name, nil, parser.SkipObjectResolution)
			if err != nil {
				return
			}
			df.decls = make(map[declKey]declVerdict)
			consts, vars := make(map[string]*ast.BasicLit), make(map[string]bool)
			for _, d := range f.Decls {
				if gd, ok := d.(*ast.GenDecl); ok && (gd.Tok == token.CONST || gd.Tok == token.VAR) {
					for _, spec := range gd.Specs {
						vs := spec.(*ast.ValueSpec)
						for i, n := range vs.Names {
							if gd.Tok == token.VAR {
								vars[n.Name] = true
							} else if len(vs.Values) == len(vs.Names) {
								consts[n.Name], _ = ast.Unparen(vs.Values[i]).(*ast.BasicLit)
							}
						}
					}
				}
			}
			for _, d := range f.Decls {
				if fd, ok := d.(*ast.FuncDecl); ok && fd.Body != nil && fd.Name.IsExported() {
					df.decls[declKey{fd.Name.Name, fs.Position(fd.Name.Pos()).Line}] = declVerdict{constantReturns(fd, consts, vars), literalReturns(fd)}
				}
			}
		})
		if v, ok := df.decls[declKey{fn.Name(), pos.Line}]; ok {
			return v, true
		}
	}
	return declVerdict{}, false
}

// optionArg reports whether id, in one of files, names the function of a
// call passed as an argument to a call of a function that may be a sink
// taking options: one of the option's package that its scan named, or
// one written with a bare name (the user's own, which may be a sink
// too). The OptionFact of an option matters nowhere else (optionsLeave
// of internal/sites).
func optionArg(files []*ast.File, id *ast.Ident, names map[string]bool) bool {
	for _, f := range files {
		if f.FileStart > id.Pos() || id.Pos() >= f.FileEnd {
			continue
		}
		path, _ := astutil.PathEnclosingInterval(f, id.Pos(), id.End())
		i := 1
		if i < len(path) {
			if sel, ok := path[i].(*ast.SelectorExpr); ok && sel.Sel == id {
				i++
			}
		}
		if i+1 >= len(path) {
			return false
		}
		call, ok := path[i].(*ast.CallExpr)
		if !ok {
			return false
		}
		for i++; i < len(path); i++ {
			if _, paren := path[i].(*ast.ParenExpr); !paren {
				break
			}
		}
		outer, ok := path[i].(*ast.CallExpr)
		if !ok || outer.Fun == ast.Node(call) || !slices.ContainsFunc(outer.Args, func(a ast.Expr) bool { return ast.Unparen(a) == call }) {
			return false
		}
		switch fun := ast.Unparen(outer.Fun).(type) {
		case *ast.Ident:
			return fun.Name != "append" // into a slice, which a call spreads: no site

		case *ast.SelectorExpr:
			return names["f:"+fun.Sel.Name] || names["m:"+fun.Sel.Name]
		}
		return false
	}
	return true
}
