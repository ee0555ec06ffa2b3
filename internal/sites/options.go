package sites

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// OptionFact lists the fields (optionFieldKey) that the options an
// exported function returns write, none of which can redirect the
// listener: a call passing only such options to a wrapper (for _, o :=
// range opts { o(srv) }) leaves its address alone.
type OptionFact struct{ Writes []string }

func (*OptionFact) AFact() {}

func (f *OptionFact) String() string { return "option writes " + strings.Join(f.Writes, ", ") }

// optionFieldKey names a field across packages. Two structs of a package
// with a field of one name share a key, which can only keep a call silent.
func optionFieldKey(f *types.Var) string { return f.Pkg().Path() + "." + f.Name() }

// ExportOptionFacts exports an OptionFact for each exported option
// constructor (func WithX(…) Option, Option a function of one
// pointer-to-struct parameter or an interface of one method taking one,
// optioniface.go), and each exported struct type implementing one.
func ExportOptionFacts(pass *analysis.Pass) {
	var ifaces ifaceOptions
	for _, file := range pass.Files {
		for _, d := range file.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Recv != nil || fd.Body == nil || !fd.Name.IsExported() {
				continue
			}
			fn, ok := pass.TypesInfo.Defs[fd.Name].(*types.Func)
			if !ok || fn.Signature().Results().Len() < 1 || fn.Signature().Results().At(0).Name() != "" {
				continue // a deferred function may replace a named result
			}
			returned := litReturned
			if t := fn.Signature().Results().At(0).Type(); !IsOptionType(t) {
				impls := ifaces.of(pass, t)
				if impls == nil {
					continue
				}
				returned = impls.returned(pass.TypesInfo)
			}
			if writes, ok := optionWritesOf(pass.TypesInfo, fd.Body, returned); ok {
				pass.ExportObjectFact(fn, &OptionFact{Writes: writes})
			}
		}
	}
	ifaces.exportTypeFacts(pass)
}

// IsOptionType reports whether t is a function of one parameter, a
// pointer to a struct.
func IsOptionType(t types.Type) bool {
	sig, ok := t.Underlying().(*types.Signature)
	if !ok || sig.Params().Len() != 1 {
		return false
	}
	_, ok = sig.Params().At(0).Type().Underlying().(*types.Pointer)
	return ok && structOf(sig.Params().At(0).Type()) != nil
}

// optionWritesOf returns the fields the options body returns write, when
// each only reads and writes fields that cannot redirect the listener
// (redirects). returned says what a return's first result applies: a
// function literal, the fields it writes (optioniface.go), or ok=false.
func optionWritesOf(info *types.Info, body *ast.BlockStmt, returned func(ast.Expr) (*ast.FuncLit, []string, bool)) (writes []string, ok bool) {
	ok = true
	var lits []*ast.FuncLit
	returns, nested := 0, 0
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			nested++
			return false
		case *ast.ReturnStmt:
			returns++
			if len(n.Results) == 0 {
				ok = false
				break
			}
			lit, w, isOpt := returned(n.Results[0])
			switch {
			case !isOpt:
				ok = false
			case lit == nil:
				writes = appendNew(writes, w...)
			case len(lit.Type.Params.List) != 1 || len(lit.Type.Params.List[0].Names) > 1:
				ok = false
			default:
				lits = append(lits, lit)
			}
		}
		return ok
	})
	// Any function literal but those returned (a deferred one, a helper)
	// may change what is returned or run later.
	if !ok || returns == 0 || nested != len(lits) {
		return nil, false
	}
	for _, lit := range lits {
		w, ok := litWrites(info, lit)
		if !ok {
			return nil, false
		}
		writes = appendNew(writes, w...)
	}
	slices.Sort(writes)
	return writes, true
}

// litWrites returns the fields (optionFieldKey) a function of the server
// writes, when it only reads and writes its fields that cannot redirect
// the listener, and changes no variable it does not declare.
func litWrites(info *types.Info, lit *ast.FuncLit) (writes []string, ok bool) {
	var p *types.Var // nil for func(*Server): the server is not used
	if names := lit.Type.Params.List[0].Names; len(names) > 0 && names[0].Name != "_" {
		if p, _ = info.Defs[names[0]].(*types.Var); p == nil {
			return nil, false
		}
	}
	// outside reports whether e is rooted outside the literal (s.Port is
	// rooted at its parameter, inside).
	outside := func(e ast.Expr) bool {
		for {
			switch x := ast.Unparen(e).(type) {
			case *ast.SelectorExpr:
				if _, ok := info.Uses[x.Sel].(*types.Var); ok && info.Selections[x] == nil {
					return true // pkg.Var
				}
				e = x.X
			case *ast.IndexExpr:
				e = x.X
			case *ast.StarExpr:
				e = x.X
			case *ast.Ident:
				obj := info.ObjectOf(x)
				return obj != nil && x.Name != "_" && (obj.Pos() < lit.Pos() || obj.Pos() >= lit.End())
			default:
				return false
			}
		}
	}
	ok = true
	var stack []ast.Node
	ast.Inspect(lit.Body, func(n ast.Node) bool {
		if n == nil {
			stack = stack[:len(stack)-1]
			return true
		}
		if !ok {
			return false
		}
		defer func() { stack = append(stack, n) }()
		switch n := n.(type) {
		case *ast.AssignStmt:
			ok = !slices.ContainsFunc(n.Lhs, outside)
		case *ast.IncDecStmt:
			ok = !outside(n.X)
		case *ast.UnaryExpr:
			ok = n.Op != token.AND || !outside(n.X)
		case *ast.Ident:
			// p may only select fields, and those it writes must not
			// redirect.
			if p == nil || info.Uses[n] != p {
				break
			}
			sel, isSel := stack[len(stack)-1].(*ast.SelectorExpr)
			if !isSel || sel.X != n {
				ok = false // p passed on, compared, or assigned
				break
			}
			s := info.Selections[sel]
			if s == nil || s.Kind() != types.FieldVal || len(s.Index()) != 1 {
				ok = false // a method of the server, or a promoted field
			} else if f := s.Obj().(*types.Var); fieldWritten(stack[:len(stack)-1], sel) {
				ok = !redirects(f)
				writes = appendNew(writes, optionFieldKey(f))
			}
		}
		return ok
	})
	if !ok {
		return nil, false
	}
	return writes, true
}

// litReturned says what a function-typed option applies: a literal.
func litReturned(e ast.Expr) (*ast.FuncLit, []string, bool) {
	lit, ok := ast.Unparen(e).(*ast.FuncLit)
	return lit, nil, ok
}

// appendNew appends the elements of more that s does not hold yet.
func appendNew[T comparable](s []T, more ...T) []T {
	for _, x := range more {
		if !slices.Contains(s, x) {
			s = append(s, x)
		}
	}
	return s
}

// fieldWritten reports whether the field selection sel, under the
// ancestors given innermost last, is written: assigned, ++/--, &, or the
// root of a longer selection, index or method call.
func fieldWritten(ancestors []ast.Node, sel ast.Expr) bool {
	child := ast.Node(sel)
	for i := len(ancestors) - 1; i >= 0; i-- {
		switch a := ancestors[i].(type) {
		case *ast.ParenExpr:
		case *ast.SelectorExpr, *ast.IndexExpr, *ast.StarExpr:
			// s.cfg.Port = …, s.hosts[0] = …, s.cfg.Set(…): written
			// through, as far as the option's facts go.
			if n, ok := a.(*ast.SelectorExpr); ok && n.X != child {
				return false
			}
			return true
		case *ast.AssignStmt:
			return slices.Contains(a.Lhs, child.(ast.Expr))
		case *ast.IncDecStmt:
			return true
		case *ast.UnaryExpr:
			return a.Op == token.AND
		case *ast.RangeStmt:
			return a.Key == child || a.Value == child
		default:
			return false
		}
		child = ancestors[i]
	}
	return false
}

// redirects reports whether a field can change where, or whether, the
// server listens, by its name (an address, a socket) or type.
func redirects(f *types.Var) bool {
	name := strings.ToLower(f.Name())
	for _, w := range []string{"addr", "port", "host", "listen", "network", "sock", "bind", "unix"} {
		if strings.Contains(name, w) {
			return true
		}
	}
	return mayHoldListener(f.Type(), 0)
}

// mayHoldListener reports whether a value of t may be or make a
// listener: a type of package net, an interface any value or an Accept
// method satisfies, or a function, container or pointer of one.
func mayHoldListener(t types.Type, depth int) bool {
	if depth > 4 {
		return true
	}
	if n, ok := types.Unalias(t).(*types.Named); ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "net" {
		return true
	}
	switch u := t.Underlying().(type) {
	case *types.Interface:
		if u.NumMethods() == 0 {
			return true
		}
		for m := range u.Methods() {
			if m.Name() == "Accept" || m.Name() == "ReadFrom" {
				return true
			}
		}
	case *types.Map:
		return mayHoldListener(u.Key(), depth+1) || mayHoldListener(u.Elem(), depth+1)
	case interface{ Elem() types.Type }: // a pointer, slice, array or channel
		return mayHoldListener(u.Elem(), depth+1)
	case *types.Signature:
		for v := range u.Results().Variables() {
			if mayHoldListener(v.Type(), depth+1) {
				return true
			}
		}
	case *types.Struct:
		for f := range u.Fields() {
			if mayHoldListener(f.Type(), depth+1) {
				return true
			}
		}
	}
	return false
}
