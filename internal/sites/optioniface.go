package sites

import (
	"go/ast"
	"go/types"

	"github.com/portlint/portlint/internal/resolve"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"
)

// Options behind an interface (grpc's ServerOption: type Option
// interface{ apply(*Server) }) have the facts of functional options when
// the interface's implementations only adapt a function (funcOption{f}'s
// apply calls f(s)) or only write fields of the server (nameOption's
// apply sets s.name): a constructor's returns are read through them.

// ifaceOptions memoizes the implementations of option interfaces.
type ifaceOptions map[*types.TypeName]*optionImpls

// optionImpls is what the implementations of one option interface do.
type optionImpls struct {
	// adapters are the types whose apply calls the function they hold:
	// the index of its field, or -1 for a function type.
	adapters map[*types.TypeName]int
	// writes are the types whose apply only writes these fields.
	writes map[*types.TypeName][]string
	// wrappers are the functions that only wrap their parameter in an
	// adapter (newFuncOption(f) returning &funcOption{f: f}).
	wrappers map[*types.Func]bool
}

// of returns the implementations of t when it is an option interface of
// the package: one method taking a pointer to a struct, returning nothing.
func (io *ifaceOptions) of(pass *analysis.Pass, t types.Type) *optionImpls {
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() != pass.Pkg {
		return nil
	}
	it, ok := n.Underlying().(*types.Interface)
	if !ok || it.NumMethods() != 1 || it.Method(0).Signature().Results().Len() != 0 || !IsOptionType(it.Method(0).Signature()) {
		return nil
	}
	if *io == nil {
		*io = make(ifaceOptions)
	}
	if impls, ok := (*io)[n.Obj()]; ok {
		return impls
	}
	impls := newOptionImpls(pass, it)
	(*io)[n.Obj()] = impls
	return impls
}

func newOptionImpls(pass *analysis.Pass, it *types.Interface) *optionImpls {
	info := pass.TypesInfo
	impls := &optionImpls{adapters: make(map[*types.TypeName]int), writes: make(map[*types.TypeName][]string), wrappers: make(map[*types.Func]bool)}
	var funcs []*ast.FuncDecl
	for _, file := range pass.Files {
		for _, d := range file.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Body == nil {
				continue
			}
			if fd.Recv == nil {
				funcs = append(funcs, fd)
				continue
			}
			fn, _ := info.Defs[fd.Name].(*types.Func)
			if fn == nil || fn.Name() != it.Method(0).Name() {
				continue
			}
			tn := namedOf(fn.Signature().Recv().Type())
			if tn == nil || !types.Implements(tn.Type(), it) && !types.Implements(types.NewPointer(tn.Type()), it) {
				continue
			}
			if k, ok := adapterCall(info, fd); ok {
				impls.adapters[tn] = k
			} else if w, ok := litWrites(info, &ast.FuncLit{Type: fd.Type, Body: fd.Body}); ok {
				impls.writes[tn] = w
			}
		}
	}
	for _, fd := range funcs {
		if fn, _ := info.Defs[fd.Name].(*types.Func); fn != nil && impls.wraps(info, fd) {
			impls.wrappers[fn] = true
		}
	}
	return impls
}

// adapterCall reports whether a method only calls the function its
// receiver is (f(s)) or holds in field k (fo.f(s); else k is -1).
func adapterCall(info *types.Info, fd *ast.FuncDecl) (k int, ok bool) {
	params := fd.Type.Params.List
	if len(fd.Body.List) != 1 || len(fd.Recv.List[0].Names) != 1 || len(params) != 1 || len(params[0].Names) != 1 {
		return 0, false
	}
	stmt, ok := fd.Body.List[0].(*ast.ExprStmt)
	if !ok {
		return 0, false
	}
	call, ok := ast.Unparen(stmt.X).(*ast.CallExpr)
	if !ok || len(call.Args) != 1 || !isIdentOf(info, call.Args[0], params[0].Names[0]) {
		return 0, false
	}
	recv := fd.Recv.List[0].Names[0]
	switch fun := ast.Unparen(call.Fun).(type) {
	case *ast.Ident:
		return -1, isIdentOf(info, fun, recv)
	case *ast.SelectorExpr:
		sel := info.Selections[fun]
		if sel != nil && sel.Kind() == types.FieldVal && len(sel.Index()) == 1 && isIdentOf(info, fun.X, recv) {
			return sel.Index()[0], true
		}
	}
	return 0, false
}

// isIdentOf reports whether e is a use of the variable name declares.
func isIdentOf(info *types.Info, e ast.Expr, name *ast.Ident) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	return ok && info.Defs[name] != nil && info.Uses[id] == info.Defs[name]
}

// wraps reports whether fd only wraps its one parameter in an adapter:
// return &funcOption{f: f}, funcOption{f}, optionFunc(f).
func (im *optionImpls) wraps(info *types.Info, fd *ast.FuncDecl) bool {
	params := fd.Type.Params.List
	if len(fd.Body.List) != 1 || len(params) != 1 || len(params[0].Names) != 1 {
		return false
	}
	ret, ok := fd.Body.List[0].(*ast.ReturnStmt)
	if !ok || len(ret.Results) != 1 {
		return false
	}
	inner := im.adapted(info, ret.Results[0])
	return inner != nil && isIdentOf(info, inner, params[0].Names[0])
}

// adapted returns the function an adapter value wraps, as written:
// f of &funcOption{f: f}, funcOption{f} or optionFunc(f); or nil.
func (im *optionImpls) adapted(info *types.Info, e ast.Expr) ast.Expr {
	switch x := resolve.Unaddr(e).(type) {
	case *ast.CompositeLit:
		k, ok := im.adapters[namedOf(info.TypeOf(x))]
		if !ok || k < 0 {
			return nil
		}
		st, ok := info.TypeOf(x).Underlying().(*types.Struct)
		for i, elt := range x.Elts {
			if kv, isKV := elt.(*ast.KeyValueExpr); isKV {
				if id, isID := kv.Key.(*ast.Ident); ok && isID && id.Name == st.Field(k).Name() {
					return kv.Value
				}
			} else if i == k {
				return elt
			}
		}
	case *ast.CallExpr:
		if tv := info.Types[x.Fun]; tv.IsType() && len(x.Args) == 1 {
			if k, ok := im.adapters[namedOf(tv.Type)]; ok && k == -1 {
				return x.Args[0]
			}
		}
	}
	return nil
}

// returned says what a returned option applies (optionWritesOf): the
// literal an adapter wraps, or the fields a struct option's apply writes.
func (im *optionImpls) returned(info *types.Info) func(ast.Expr) (*ast.FuncLit, []string, bool) {
	return func(e ast.Expr) (*ast.FuncLit, []string, bool) {
		if w, ok := im.writes[namedOf(info.TypeOf(resolve.Unaddr(e)))]; ok {
			if _, isLit := resolve.Unaddr(e).(*ast.CompositeLit); isLit {
				return nil, w, true // nameOption{name: n}
			}
		}
		inner := im.adapted(info, e)
		if call, ok := ast.Unparen(e).(*ast.CallExpr); ok && inner == nil && len(call.Args) == 1 {
			if fn := typeutil.StaticCallee(info, call); fn != nil && im.wrappers[fn] {
				inner = call.Args[0] // newFuncOption(func(s *Server) { … })
			}
		}
		lit, ok := ast.Unparen(inner).(*ast.FuncLit)
		return lit, nil, ok
	}
}

// exportTypeFacts exports an OptionFact for each exported struct type
// whose apply only writes fields (EmptyOption{} is an option).
func (io ifaceOptions) exportTypeFacts(pass *analysis.Pass) {
	for _, impls := range io {
		for tn, w := range impls.writes {
			if tn.Exported() {
				pass.ExportObjectFact(tn, &OptionFact{Writes: w})
			}
		}
	}
}

// namedOf returns the named type t is, or points to.
func namedOf(t types.Type) *types.TypeName {
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	if n, ok := types.Unalias(t).(*types.Named); ok {
		return n.Obj()
	}
	return nil
}
