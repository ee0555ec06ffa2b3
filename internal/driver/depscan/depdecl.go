package depscan

import (
	"go/ast"
	"go/constant"
	"go/parser"
	"go/token"
	"go/types"
	"maps"
	"path/filepath"
	"sync"

	"github.com/portlint/portlint/internal/addrval"
	"github.com/portlint/portlint/internal/resolve"
)

// What the declaration of a dependency's function says, from its syntax,
// of the facts it may get (mayReturnOrOption).

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

// constantReturns reports whether every return of fd may return a
// constant first, and, where all are literals (or constants of its file
// declared with one, consts), an address. vars are its file's package
// variables, never constants.
func constantReturns(fd *ast.FuncDecl, consts map[string]*ast.BasicLit, vars map[string]bool) bool {
	locals := maps.Clone(vars) // the receiver, parameters, results and variables: never constants
	locals["nil"], locals["true"], locals["false"] = true, true, true
	// A method that is one return reads its receiver's fields as its
	// importers hold them (resolve.ExportReturnFacts): c.Host may be.
	recv := ""
	if len(fd.Body.List) == 1 && fd.Recv != nil && len(fd.Recv.List[0].Names) == 1 {
		if _, ret := fd.Body.List[0].(*ast.ReturnStmt); ret {
			recv = fd.Recv.List[0].Names[0].Name
		}
	}
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
	literals := true
	if !allReturns(fd.Body, func(n *ast.ReturnStmt) bool {
		if len(n.Results) != results || !constantShaped(n.Results[0], locals, recv) {
			return false
		}
		lit, isLit := ast.Unparen(n.Results[0]).(*ast.BasicLit)
		if id, ok := ast.Unparen(n.Results[0]).(*ast.Ident); ok && consts[id.Name] != nil {
			lit, isLit = consts[id.Name], true
		}
		if !isLit || lit.Kind != token.STRING && lit.Kind != token.INT {
			literals = false
		} else if t, known := resolve.ConstText(constant.MakeFromLiteral(lit.Value, lit.Kind, 0)); known {
			values = append(values, t)
		}
		return true
	}) {
		return false
	}
	if literals {
		return len(values) > 0 && addrval.IsAddressValue(values)
	}
	return true
}

// constantShaped reports whether e may be a constant expression: made of
// literals, names (not of locals), operators and conversions; and the
// address fields of recv, a method's receiver (c.Host), if not "".
func constantShaped(e ast.Expr, locals map[string]bool, recv string) bool {
	switch e := ast.Unparen(e).(type) {
	case *ast.BasicLit:
		return true
	case *ast.Ident:
		return !locals[e.Name]
	case *ast.SelectorExpr:
		x, ok := e.X.(*ast.Ident)
		return ok && (!locals[x.Name] || x.Name == recv && ast.IsExported(e.Sel.Name) && resolve.AddressName(e.Sel.Name))
	case *ast.UnaryExpr:
		return constantShaped(e.X, locals, recv)
	case *ast.BinaryExpr:
		return constantShaped(e.X, locals, recv) && constantShaped(e.Y, locals, recv)
	case *ast.CallExpr:
		// A conversion T(c) or pkg.T(c), a builtin (len, min), or an
		// address built of constants (fmt.Sprintf, net.JoinHostPort).
		if sel, isSel := e.Fun.(*ast.SelectorExpr); len(e.Args) == 0 || isSel && len(e.Args) != 1 && !addressBuilder(sel) {
			return false
		}
		for _, a := range e.Args {
			if !constantShaped(a, locals, recv) {
				return false
			}
		}
		return true
	}
	return false
}

// literalReturns reports whether every return of fd returns a function
// literal first.
// addressBuilder reports whether a call's function may build an address
// of its arguments, by the package name it is selected from.
func addressBuilder(sel *ast.SelectorExpr) bool {
	x, ok := sel.X.(*ast.Ident)
	return ok && (x.Name == "fmt" || x.Name == "net" || x.Name == "strconv")
}

func literalReturns(fd *ast.FuncDecl) bool {
	return allReturns(fd.Body, func(n *ast.ReturnStmt) bool {
		if len(n.Results) == 0 {
			return false
		}
		_, lit := ast.Unparen(n.Results[0]).(*ast.FuncLit)
		return lit
	})
}

// allReturns reports whether body has a return of its own (not a
// function literal's) and each passes ok.
func allReturns(body *ast.BlockStmt, ok func(*ast.ReturnStmt) bool) bool {
	all, seen := true, false
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			seen = true
			all = ok(n)
		}
		return all
	})
	return all && seen
}
