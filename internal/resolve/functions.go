package resolve

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"iter"
	"slices"
	"strings"

	"github.com/portlint/portlint/internal/addrval"
	"golang.org/x/tools/go/types/typeutil"
)

type funcKey struct {
	fn    *types.Func
	index int
}

// funcResult resolves result index of a call. Its parts are the values
// of the helper's returns, when each spells its results out, for a fix.
func (r *Resolver) funcResult(written ast.Expr, call *ast.CallExpr, index int) *Val {
	unknown := leaf(written, addrval.Unknown())
	fn := typeutil.StaticCallee(r.info, call)
	if fn == nil || fn.Origin() != fn || fn.Signature().TypeParams().Len() > 0 || fn.Signature().Results().Len() <= index {
		return unknown
	}
	if fn.Pkg() != r.pkg {
		var fact ReturnsFact
		if index != 0 || r.importFact == nil || !r.importFact(fn, &fact) {
			return unknown
		}
		unknown.Strs = r.returned(fact.Values, fn)
		return unknown
	}
	if v := r.boundResult(written, call, fn, index); v != nil {
		return v
	}
	key := funcKey{fn, index}
	m, ok := r.memo.funcs[key]
	if !ok {
		if m = r.returns(fn, index); m == nil {
			return unknown
		}
		r.memo.funcs[key] = m
	}
	return &Val{Strs: m.Strs, Expr: written, Form: FormCall, Parts: m.Parts, Index: -1}
}

// returns resolves result index of every return of a helper's body; nil
// without a body, or in a recursion.
func (r *Resolver) returns(fn *types.Func, index int) *Val {
	decl := r.funcDecl(fn)
	if decl == nil || decl.Body == nil || r.funcBusy[fn] {
		return nil
	}
	r.funcBusy[fn] = true
	defer delete(r.funcBusy, fn)
	m := &Val{Form: FormCall, Index: -1}
	spelt := true
	results := fn.Signature().Results()
	allReturns(decl.Body, func(ret *ast.ReturnStmt) bool {
		strs := addrval.Unknown() // return f() of a tuple
		switch v := results.At(index); len(ret.Results) {
		case results.Len():
			p := r.Str(ret.Results[index])
			strs, m.Parts = p.Strs, append(m.Parts, p)
		case 0: // a bare return of named results
			if defs, ok := r.lookup(v); ok {
				strs = r.varStr(nil, v, defs).Strs
			}
		}
		spelt = spelt && len(ret.Results) == results.Len()
		m.Strs = addrval.Union(m.Strs, strs)
		return true
	})
	if !spelt {
		m.Parts = nil // the fix edits the call instead
	}
	if len(m.Strs) == 0 {
		m.Strs = addrval.Unknown() // no return: the function panics or never returns
	}
	return m
}

// allReturns reports whether f holds for every return statement of a
// body (function literals aside), stopping at the first that fails.
func allReturns(body *ast.BlockStmt, f func(*ast.ReturnStmt) bool) bool {
	ok := true
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			ok = ok && f(n)
		}
		return ok
	})
	return ok
}

// funcDecl returns the declaration of a function or method of the package.
func (r *Resolver) funcDecl(fn *types.Func) *ast.FuncDecl {
	if r.funcDecls == nil {
		r.funcDecls = make(map[*types.Func]*ast.FuncDecl)
		for f, fd := range declaredFuncs(r.files, r.info) {
			r.funcDecls[f] = fd
		}
	}
	return r.funcDecls[fn]
}

// declaredFuncs yields the package's declared functions and methods, with
// their declarations, in the files' order.
func declaredFuncs(files []*ast.File, info *types.Info) iter.Seq2[*types.Func, *ast.FuncDecl] {
	return func(yield func(*types.Func, *ast.FuncDecl) bool) {
		for _, file := range files {
			for _, d := range file.Decls {
				if fd, ok := d.(*ast.FuncDecl); ok {
					if fn, ok := info.Defs[fd.Name].(*types.Func); ok && !yield(fn, fd) {
						return
					}
				}
			}
		}
	}
}

// callStr resolves string builders, cmp.Or and helpers' results.
func (r *Resolver) callStr(written ast.Expr, call *ast.CallExpr) *Val {
	if v := built(r.info, written, call, r.Str); v != nil {
		return v
	}
	if calleeName(r.info, call) == "cmp.Or" && len(call.Args) > 0 && !call.Ellipsis.IsValid() {
		return r.or(written, call.Args)
	}
	return r.funcResult(written, call, 0)
}

// or is the value of cmp.Or(args…), the first argument that is not
// empty: each one's values but its empty ones, and the last one's. A
// parameter whose callers are known, or a sink field, is an
// addrval.OrElse hole: each call's (write's) value where it is not
// empty, the rest's where it is.
func (r *Resolver) or(written ast.Expr, args []ast.Expr) *Val {
	var strs []addrval.Str
	for i, a := range args {
		last := i == len(args)-1
		v := r.Str(a)
		if addrval.HasHole(v.Strs) && slices.ContainsFunc(strs, Configured) {
			// cmp.Or(os.Getenv("ADDR"), c.Addr, ":8080"): behind a
			// configured value, a parameter or field is only a fallback,
			// what its callers give no address.
			v = leaf(a, addrval.Unknown())
		}
		if key := r.knownParam(v.Strs); key != nil && !last {
			hole := addrval.Str{{Hole: &addrval.OrElse{Key: key, Else: r.or(written, args[i+1:]).Strs}, Pos: a.Pos()}}
			return leaf(written, addrval.Union(strs, []addrval.Str{hole}))
		}
		for _, alt := range v.Strs {
			if last || !alt.Empty() {
				strs = addrval.Union(strs, []addrval.Str{alt})
			}
			for _, g := range alt {
				if v, ok := g.Hole.(*types.Var); ok && !last && !v.IsField() {
					if o, ok := r.OwnerOf(v); ok && r.Callers.Known(o) {
						return leaf(written, addrval.Unknown())
					}
				}
			}
		}
	}
	return leaf(written, strs)
}

// Configured reports whether an alternative is not known and holds no
// hole: a value the environment, a flag or a file gives.
func Configured(alt addrval.Str) bool {
	_, known := alt.Text()
	return !known && !addrval.HasHole([]addrval.Str{alt})
}

// knownParam returns the parameter of a function or the field whose hole
// strs is: its callers or writers fill it in, or its sink's (a closure's
// parameter only when its callers are known).
func (r *Resolver) knownParam(strs []addrval.Str) *types.Var {
	v := soleHole(strs)
	if v == nil || v.IsField() {
		return v
	}
	if o, isParam := r.OwnerOf(v); isParam && (o.Fn != nil && !o.Variadic || r.Callers.Known(o)) {
		return v
	}
	return nil
}

// soleHole returns the variable or field strs is the whole of, if any.
func soleHole(strs []addrval.Str) *types.Var {
	if len(strs) != 1 || len(strs[0]) != 1 {
		return nil
	}
	v, _ := strs[0][0].Hole.(*types.Var)
	return v
}

// built is the value of strconv.Itoa, net.JoinHostPort, fmt.Sprintf…
// from its arguments' (str); nil for any other call.
func built(info *types.Info, written ast.Expr, call *ast.CallExpr, str func(ast.Expr) *Val) *Val {
	switch calleeName(info, call) {
	case "strconv.Itoa", "fmt.Sprint":
		if len(call.Args) == 1 {
			return printed(written, str(call.Args[0]))
		}
	case "strconv.FormatInt", "strconv.FormatUint":
		if len(call.Args) == 2 {
			if base, _ := constText(info, call.Args[1]); base == "10" {
				return printed(written, str(call.Args[0]))
			}
		}
	case "net.JoinHostPort":
		if len(call.Args) == 2 {
			host, port := str(call.Args[0]), str(call.Args[1])
			strs := joined(host.Strs, call.Args[0].End(), port.Strs)
			return &Val{Strs: strs, Expr: written, Form: FormJoin, Parts: []*Val{host, port}, Index: -1}
		}
	case "fmt.Sprintf":
		if len(call.Args) >= 1 && !call.Ellipsis.IsValid() {
			// A constant format with %s, %d and %v verbs; any other verb,
			// flag or width makes the result unknown.
			parts := make([]*Val, len(call.Args))
			for i, a := range call.Args {
				parts[i] = str(a)
			}
			return &Val{Strs: format(info, call, parts), Expr: written, Form: FormSprintf, Parts: parts, Index: -1}
		}
	default:
		return nil
	}
	return leaf(written, addrval.Unknown())
}

// printed is the val of strconv.Itoa(x) and the like: x's values, edited
// as a whole, in the loop where x takes each in turn, if any.
func printed(written ast.Expr, x *Val) *Val {
	out := leaf(written, x.Strs)
	out.Loop = loopOf(x)
	return out
}

// joined is host:port as net.JoinHostPort writes it: a host with a colon
// (IPv6) is bracketed. colon is where the colon is said to be written.
func joined(hosts []addrval.Str, colon token.Pos, ports []addrval.Str) []addrval.Str {
	bracketed := make([]addrval.Str, 0, len(hosts))
	for _, alt := range hosts {
		if t, ok := alt.Text(); ok && strings.IndexByte(t, ':') >= 0 {
			alt = append(append(addrval.Str{{Text: "[", Known: true, Pos: alt[0].Pos}}, alt...), addrval.Seg{Text: "]", Known: true, Pos: alt[0].Pos})
		}
		bracketed = append(bracketed, alt)
	}
	return addrval.Concat(addrval.Concat(bracketed, addrval.Known(":", colon)), ports)
}

// format computes fmt.Sprintf(format, args...) from its arguments' parts.
func format(info *types.Info, call *ast.CallExpr, parts []*Val) []addrval.Str {
	tv := info.Types[call.Args[0]]
	if tv.Value == nil || tv.Value.Kind() != constant.String {
		return addrval.Unknown()
	}
	format := constant.StringVal(tv.Value)
	args := parts[1:]
	verbs := VerbIndexes(format)
	if verbs == nil || len(verbs) != len(args) {
		return addrval.Unknown() // another verb, or %!(MISSING) or %!(EXTRA)
	}
	fpos := call.Args[0].Pos()
	if _, lit := ast.Unparen(call.Args[0]).(*ast.BasicLit); !lit {
		fpos = declPos(info, ast.Unparen(call.Args[0]))
	}
	out := addrval.Known("", fpos)
	text := func(s string) {
		if s = strings.ReplaceAll(s, "%%", "%"); s != "" {
			out = addrval.Concat(out, addrval.Known(s, fpos))
		}
	}
	from := 0
	for i, at := range verbs {
		text(format[from:at])
		out = addrval.Concat(out, args[i].Strs)
		from = at + 2
	}
	text(format[from:])
	return out
}

// VerbIndexes returns the byte offsets of the %s, %d and %v verbs of a
// format, or nil if it has any other verb, flag or width.
func VerbIndexes(format string) []int {
	out := []int{}
	for i := 0; i < len(format); i++ {
		if format[i] != '%' {
			continue
		}
		if i+1 >= len(format) {
			return nil
		}
		switch format[i+1] {
		case '%':
		case 's', 'd', 'v':
			out = append(out, i)
		default:
			return nil
		}
		i++
	}
	return out
}

// CalleeFunc returns the function a call statically calls, if any.
func CalleeFunc(info *types.Info, call *ast.CallExpr) *types.Func {
	fn, _ := typeutil.Callee(info, call).(*types.Func)
	return fn
}

func IsPkgName(obj types.Object) bool {
	_, ok := obj.(*types.PkgName)
	return ok
}
