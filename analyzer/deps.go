package analyzer

import (
	"go/ast"
	"go/constant"
	"go/parser"
	"go/token"
	"go/types"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"sync"

	"github.com/portlint/portlint/internal/addrval"
	"github.com/portlint/portlint/internal/listenapi"
	"github.com/portlint/portlint/internal/resolve"
	"golang.org/x/tools/go/ast/astutil"
)

// The standalone command computes the facts of the dependencies that a
// package it checks can read and that can matter to it, where go vet and
// golangci-lint compute every package's (internal/driver, depfacts.go).
// The driver offers the packages outside the main module and the
// standard library that import a package of the rules or another such
// package (the candidates); DepScan and DepWants decide, from their files
// and from what the checked packages use of them, which are worth
// type-checking from source. A dependency that cannot reach a listen API
// and returns no constant address costs its export data and a scan of
// its files, which the driver caches.

// ListenPkgs returns the packages that declare the listen APIs of the
// rules (net, net/http, crypto/tls and the frameworks'): a dependency is
// a candidate for facts only if it imports one of them or another
// candidate.
func ListenPkgs() map[string]bool { return maps.Clone(listenapi.DefaultRules.Pkgs) }

// DepScan is the driver's scan of a candidate (driver.DepScan): it
// returns the exported names of the functions, methods and fields of
// the package that may get a SinkFact or a ServerFact, which need a
// listen site in the package: a call of a listen API, a write of a
// server's address field, a call or a write of a sink of another
// package. Names are matched as names, without types: a declaration may
// get one if it mentions a listen function of a rule package the
// package sees (sees), a name that the candidates below it returned
// (below), or a declaration of the package that may get one; or if it
// writes, as a literal's key or an assignment's field, the address field
// of a server whose package it sees. A field may hold a sink if a
// declaration that may get a fact mentions its name. Most packages name
// none of these: their files are read once and never parsed.
func DepScan(pkgPath string, goFiles []string, sees func(string) bool, below map[string]bool) []string {
	rn := namesOf(listenapi.DefaultRules)
	words := make(map[string]wordKind)
	for name, pkgs := range rn.calls {
		for _, p := range pkgs {
			if sees(p) {
				words[name] |= refWord
			}
		}
	}
	for name, pkgs := range rn.fields {
		for _, p := range pkgs {
			if sees(p) {
				words[name] |= fieldWord
			}
		}
	}
	for name := range below {
		words[name] |= belowWord
	}
	if len(words) == 0 {
		return nil
	}
	srcs := make([][]byte, 0, len(goFiles))
	hit := false
	for _, name := range goFiles {
		data, err := os.ReadFile(name)
		if err != nil {
			continue // as the analysis would: a file it cannot read holds nothing
		}
		srcs = append(srcs, data)
		hit = hit || mentionsWord(data, words)
	}
	if !hit {
		return nil
	}
	fset := token.NewFileSet()
	var files []*ast.File
	for i, src := range srcs {
		f, err := parser.ParseFile(fset, goFiles[i], src, parser.SkipObjectResolution)
		if err != nil && f == nil {
			continue
		}
		files = append(files, f)
	}
	return scanDecls(files, words)
}

type wordKind uint8

const (
	refWord   wordKind = 1 << iota // a listen API's: counts wherever it is named
	belowWord                      // another package's: not as the function of a call without arguments
	fieldWord                      // counts as a literal's key or an assigned field
)

// mentionsWord reports whether src names one of words in the shape its
// kind asks for, in code, comments or strings alike: a cheap test before
// any parsing.
func mentionsWord(src []byte, words map[string]wordKind) bool {
	var first [256]bool
	for w := range words {
		first[w[0]] = true
	}
	for i := 0; i < len(src); {
		c := src[i]
		if !isIdentByte(c) {
			i++
			continue
		}
		j := i + 1
		for j < len(src) && isIdentByte(src[j]) {
			j++
		}
		if first[c] && (i == 0 || src[i-1] < 0x80) { // not the tail of a non-ASCII identifier
			if k := words[string(src[i:j])]; k&(refWord|belowWord) != 0 || k&fieldWord != 0 && fieldShape(src, i, j) {
				return true
			}
		}
		i = j
	}
	return false
}

// fieldShape reports whether the name at src[i:j] is written like a
// key of a composite literal (Addr: …) or an assigned field (x.Addr = …).
func fieldShape(src []byte, i, j int) bool {
	k := j
	for k < len(src) && (src[k] == ' ' || src[k] == '\t') {
		k++
	}
	if k < len(src) && src[k] == ':' {
		return k+1 >= len(src) || src[k+1] != '='
	}
	if k < len(src) && src[k] == '=' && (k+1 >= len(src) || src[k+1] != '=') {
		h := i - 1
		for h >= 0 && (src[h] == ' ' || src[h] == '\t' || src[h] == '\n') {
			h--
		}
		return h >= 0 && src[h] == '.'
	}
	return false
}

func isIdentByte(c byte) bool {
	return c == '_' || '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c >= 0x80
}

// scanDecls returns the exported names of the declarations of files that
// may get a sink or server fact (see DepScan), matched by name. A
// declaration may if it names a word; or names one that may, other than
// as the function of a call without arguments, which passes no address
// (it may start a server, whose address is written elsewhere); or writes
// a field that may hold a sink, as a literal's key or an assigned field.
// A field may hold a sink if a declaration that may names it and its
// type can hold an address (a string or a number, as far as the syntax
// tells).
func scanDecls(files []*ast.File, words map[string]wordKind) []string {
	type decl struct {
		name   string
		refs   []string // the names it names, but as a call without arguments
		writes []string // the fields it writes
		seed   bool
	}
	var decls []*decl
	byRef := make(map[string][]*decl)   // the declarations that name a name
	byWrite := make(map[string][]*decl) // those that write a field
	fields := make(map[string]bool)     // the package's fields that may hold an address
	types := make(map[string]ast.Expr)
	for _, f := range files {
		for _, d := range f.Decls {
			if gd, ok := d.(*ast.GenDecl); ok && gd.Tok == token.TYPE {
				for _, spec := range gd.Specs {
					ts := spec.(*ast.TypeSpec)
					types[ts.Name.Name] = ts.Type
				}
			}
		}
	}
	add := func(name string, nodes ...ast.Node) {
		d := &decl{name: name}
		seen := make(map[string]bool)
		written := make(map[string]bool)
		write := func(id *ast.Ident) {
			d.seed = d.seed || words[id.Name]&fieldWord != 0
			if !written[id.Name] {
				written[id.Name] = true
				d.writes = append(d.writes, id.Name)
			}
		}
		var noArgs *ast.Ident // the function of a call without arguments
		visit := func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.CallExpr:
				if len(n.Args) == 0 {
					switch fun := ast.Unparen(n.Fun).(type) {
					case *ast.Ident:
						noArgs = fun
					case *ast.SelectorExpr:
						noArgs = fun.Sel
					}
				}
			case *ast.Ident:
				d.seed = d.seed || words[n.Name]&refWord != 0
				if n == noArgs {
					return true
				}
				if !seen[n.Name] {
					seen[n.Name] = true
					d.refs = append(d.refs, n.Name)
				}
				d.seed = d.seed || words[n.Name]&belowWord != 0
			case *ast.KeyValueExpr:
				if id, ok := n.Key.(*ast.Ident); ok {
					write(id)
				}
			case *ast.AssignStmt:
				for _, lhs := range n.Lhs {
					if sel, ok := ast.Unparen(lhs).(*ast.SelectorExpr); ok {
						write(sel.Sel)
					}
				}
			}
			return true
		}
		for _, n := range nodes {
			if n != nil {
				ast.Inspect(n, visit)
			}
		}
		decls = append(decls, d)
		for _, r := range d.refs {
			byRef[r] = append(byRef[r], d)
		}
		for _, w := range d.writes {
			byWrite[w] = append(byWrite[w], d)
		}
	}
	for _, f := range files {
		for _, d := range f.Decls {
			switch d := d.(type) {
			case *ast.FuncDecl:
				if d.Body != nil {
					add(d.Name.Name, d.Body)
				}
			case *ast.GenDecl:
				for _, spec := range d.Specs {
					switch spec := spec.(type) {
					case *ast.ValueSpec:
						for _, name := range spec.Names {
							values := make([]ast.Node, len(spec.Values))
							for i, v := range spec.Values {
								values[i] = v
							}
							add(name.Name, values...)
						}
					case *ast.TypeSpec:
						ast.Inspect(spec.Type, func(n ast.Node) bool {
							if st, ok := n.(*ast.StructType); ok {
								for _, fld := range st.Fields.List {
									if mayHoldAddress(fld.Type, types, 0) {
										for _, name := range fld.Names {
											fields[name.Name] = true
										}
									}
								}
							}
							return true
						})
					}
				}
			}
		}
	}
	may := make(map[string]bool)      // declarations' names
	mayField := make(map[string]bool) // fields' names
	marked := make(map[*decl]bool)
	var queue []*decl
	markDecl := func(d *decl) {
		if !marked[d] {
			marked[d] = true
			queue = append(queue, d)
		}
	}
	for _, d := range decls {
		if d.seed {
			markDecl(d)
		}
	}
	for len(queue) > 0 {
		d := queue[0]
		queue = queue[1:]
		if !may[d.name] {
			may[d.name] = true
			for _, x := range byRef[d.name] {
				markDecl(x)
			}
		}
		for _, r := range d.refs {
			if fields[r] && !mayField[r] {
				mayField[r] = true
				for _, x := range byWrite[r] {
					markDecl(x)
				}
			}
		}
	}
	var names []string
	for _, set := range []map[string]bool{may, mayField} {
		for name := range set {
			if token.IsExported(name) && !slices.Contains(names, name) {
				names = append(names, name)
			}
		}
	}
	return names
}

// mayHoldAddress reports whether a field of type t may hold an address
// or a port, as far as the syntax tells: a string or a number, a named
// type of the package declared as one, a pointer to one, or a type of
// another package.
func mayHoldAddress(t ast.Expr, local map[string]ast.Expr, depth int) bool {
	switch t := t.(type) {
	case *ast.Ident:
		if def, ok := local[t.Name]; ok {
			return depth < 4 && mayHoldAddress(def, local, depth+1)
		}
		switch t.Name {
		case "string", "int", "int8", "int16", "int32", "int64", "uint", "uint8", "uint16", "uint32", "uint64", "uintptr":
			return true
		}
		return false
	case *ast.StarExpr:
		_, isSel := t.X.(*ast.SelectorExpr)
		return !isSel && mayHoldAddress(t.X, local, depth)
	case *ast.SelectorExpr:
		return true
	case *ast.ParenExpr:
		return mayHoldAddress(t.X, local, depth)
	}
	return false
}

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
		if names[obj.Name()] && (user.Name() == "main" && obj.Exported() || addressParam(obj.Signature())) {
			return true
		}
		return obj.Exported() && obj.Origin() == obj && mayReturnOrOption(fset, obj, goFiles)
	case *types.Var:
		if obj.IsField() {
			return names[obj.Name()] && holdsAddress(obj.Type()) && written(files, id)
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
// internal/sites), judged from its declaration's syntax.
func mayReturnOrOption(fset *token.FileSet, fn *types.Func, goFiles []string) bool {
	sig := fn.Signature()
	results := sig.Results()
	returns := sig.TypeParams().Len() == 0 && sig.RecvTypeParams().Len() == 0 && results.Len() > 0 &&
		resolve.IsBasic(results.At(0).Type(), types.IsString|types.IsInteger)
	option := sig.Recv() == nil && results.Len() > 0 && results.At(0).Name() == "" && isOptionType(results.At(0).Type())
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
// constant first, and, where all are literals, an address.
func constantReturns(fd *ast.FuncDecl) bool {
	locals := make(map[string]bool) // the receiver, parameters, results and variables: never constants
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
	var values []string
	ok, literals, seen := true, true, false
	ast.Inspect(fd.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			seen = true
			if len(n.Results) == 0 || !constantShaped(n.Results[0], locals) {
				ok = false
				break
			}
			lit, isLit := ast.Unparen(n.Results[0]).(*ast.BasicLit)
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
			for _, d := range f.Decls {
				if fd, ok := d.(*ast.FuncDecl); ok && fd.Body != nil && fd.Name.IsExported() {
					df.decls[declKey{fd.Name.Name, fs.Position(fd.Name.Pos()).Line}] = declVerdict{constantReturns(fd), literalReturns(fd)}
				}
			}
		})
		if v, ok := df.decls[declKey{fn.Name(), pos.Line}]; ok {
			return v, true
		}
	}
	return declVerdict{}, false
}
