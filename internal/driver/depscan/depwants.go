package depscan

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"sync"

	"github.com/portlint/portlint/internal/resolve"
	"github.com/portlint/portlint/internal/sites"
	"golang.org/x/tools/go/ast/astutil"
)

// Wants returns the driver's test of a use (driver.DepWants); seesModule
// reports whether the analyzer has the driver's view of the module.
func Wants(seesModule func() bool) func(*token.FileSet, *types.Package, []*ast.File, *ast.Ident, types.Object, []string, func() map[string]bool) bool {
	memo := new(writtenMemo)
	return func(fset *token.FileSet, user *types.Package, files []*ast.File, id *ast.Ident, obj types.Object, goFiles []string, names func() map[string]bool) bool {
		return wants(fset, user, files, id, obj, goFiles, names, seesModule, memo)
	}
}

// wants is the test of a use: whether user,
// a package whose files name obj at id, an object of a candidate whose
// scan returns names (asked only once the types leave the question open),
// can read a fact of it that matters there. A
// method of an interface has none. A function the scan named may have a
// SinkFact if it has a parameter that can hold an address, and a
// ServerFact, which only a command reads; a field the scan named may
// have a SinkFact, which matters where it is written, if it can hold an
// address. A function may also return a constant address (ReturnsFact)
// or be an option constructor (OptionFact), which its declaration shows.
// A dependency's exported variable matters only without the driver's
// view of the module, which seals only the module's own.
func wants(fset *token.FileSet, user *types.Package, files []*ast.File, id *ast.Ident, obj types.Object, goFiles []string, names func() map[string]bool, seesModule func() bool, memo *writtenMemo) bool {
	switch obj := obj.(type) {
	case *types.Func:
		if recv := obj.Signature().Recv(); recv != nil && types.IsInterface(recv.Type()) {
			return false
		}
		key := "f:" + obj.Name()
		if obj.Signature().Recv() != nil {
			key = "m:" + obj.Name()
		}
		if addressParam(obj.Signature()) && names()[key] || user.Name() == "main" && names()["S"+key] {
			return true
		}
		return obj.Exported() && obj.Origin() == obj && mayReturnOrOption(fset, obj, goFiles, func() bool { return optionArg(files, id, names) })
	case *types.Var:
		if obj.IsField() {
			return holdsAddress(obj.Type()) && memo.written(user, files, id) && names()["v:"+obj.Name()]
		}
		return !seesModule() && obj.Exported() && resolve.IsBasic(obj.Type(), types.IsString|types.IsInteger)
	}
	return false
}

// A writtenMemo holds, for the files of the package last asked about,
// the positions of the field names written there (written): the uses of
// a package are asked in a row, and one walk of a file costs less than a
// path to each use (5,158 asked in 139 files of prometheus). Positions,
// not nodes, so that no syntax is held once the package is done.
type writtenMemo struct {
	mu    sync.Mutex
	user  *types.Package
	files map[token.Pos]map[token.Pos]bool // by the file's start
}

// written reports whether id, a field's name in one of files (of user),
// is written there: a literal's key, or the field of an assignment's
// left side, of an increment, or whose address is taken (written out of
// sight).
func (m *writtenMemo) written(user *types.Package, files []*ast.File, id *ast.Ident) bool {
	for _, f := range files {
		if f.FileStart <= id.Pos() && id.Pos() < f.FileEnd {
			m.mu.Lock()
			defer m.mu.Unlock()
			if m.user != user {
				m.user, m.files = user, make(map[token.Pos]map[token.Pos]bool)
			}
			set, ok := m.files[f.FileStart]
			if !ok {
				set = writtenNames(f)
				m.files[f.FileStart] = set
			}
			return set[id.Pos()]
		}
	}
	return true // not found: it may be
}

// writtenNames returns the positions of the field names written in f.
func writtenNames(f *ast.File) map[token.Pos]bool {
	set := make(map[token.Pos]bool)
	field := func(e ast.Expr) {
		if sel, ok := ast.Unparen(e).(*ast.SelectorExpr); ok {
			set[sel.Sel.Pos()] = true
		}
	}
	ast.Inspect(f, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.KeyValueExpr:
			if id, ok := n.Key.(*ast.Ident); ok {
				set[id.Pos()] = true
			}
		case *ast.AssignStmt:
			for _, l := range n.Lhs {
				field(l)
			}
		case *ast.IncDecStmt:
			field(n.X)
		case *ast.UnaryExpr:
			if n.Op == token.AND {
				field(n.X)
			}
		}
		return true
	})
	return set
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

// optionArg reports whether id, in one of files, names the function of a
// call passed as an argument to a call of a function that may be a sink
// taking options: one of the option's package that its scan named, or
// one written with a bare name (the user's own, which may be a sink
// too). The OptionFact of an option matters nowhere else (optionsLeave
// of internal/sites).
func optionArg(files []*ast.File, id *ast.Ident, names func() map[string]bool) bool {
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
			return names()["f:"+fun.Sel.Name] || names()["m:"+fun.Sel.Name]
		}
		return false
	}
	return true
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
	option := sig.Recv() == nil && results.Len() > 0 && results.At(0).Name() == "" && sites.IsOptionType(results.At(0).Type()) && optionUse()
	if !returns && !option {
		return false
	}
	v, found := declOf(fset, fn, goFiles)
	if !found {
		return true // not found: it may
	}
	return returns && v.constant || option && v.literals
}
