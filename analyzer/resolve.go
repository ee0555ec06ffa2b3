package analyzer

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"
)

// resolver computes address values for one package. Results are memoized
// per variable; a variable met again while being resolved (a cycle) is
// unknown.
type resolver struct {
	info  *types.Info
	pkg   *types.Package
	files []*ast.File
	insp  *inspector.Inspector
	vars  *varIndexes
	decls *declCursors

	// importFact reads another package's facts (pass.ImportObjectFact).
	importFact func(types.Object, analysis.Fact) bool
	funcDecls  map[*types.Func]*ast.FuncDecl // built on first need
	funcMemo   map[funcKey][]str
	funcBusy   map[*types.Func]bool
	params     map[*types.Var]paramOwner // built on first need
	callers    callers

	strMemo  map[*types.Var][]str
	addrMemo map[*types.Var][]addrAlt
	// busy holds the variables being resolved, by depth (from 1). A
	// variable met again is a cycle: it contributes nothing there (the
	// least fixed point), and results that saw a cycle to a shallower
	// variable are not memoized, being partial.
	busy   map[*types.Var]int
	lowHit int
}

const noHit = int(^uint(0) >> 1)

// enter starts resolving v; ok is false on a cycle.
func (r *resolver) enter(v *types.Var) (depth, saved int, ok bool) {
	if d, busy := r.busy[v]; busy {
		r.lowHit = min(r.lowHit, d)
		return 0, 0, false
	}
	depth = len(r.busy) + 1
	r.busy[v] = depth
	saved, r.lowHit = r.lowHit, noHit
	return depth, saved, true
}

// leave ends resolving v and reports whether its result is complete.
func (r *resolver) leave(v *types.Var, depth, saved int) (complete bool) {
	delete(r.busy, v)
	complete = r.lowHit >= depth
	if complete {
		r.lowHit = saved
	} else {
		r.lowHit = min(saved, r.lowHit)
	}
	return complete
}

func newResolver(pass *analysis.Pass, insp *inspector.Inspector) *resolver {
	decls := &declCursors{insp: insp}
	return &resolver{
		info: pass.TypesInfo, pkg: pass.Pkg, files: pass.Files, insp: insp,
		decls:      decls,
		vars:       newVarIndexes(insp, decls, pass.TypesInfo, pass.Pkg),
		importFact: pass.ImportObjectFact,
		funcMemo:   make(map[funcKey][]str),
		funcBusy:   make(map[*types.Func]bool),
		strMemo:    make(map[*types.Var][]str),
		addrMemo:   make(map[*types.Var][]addrAlt),
		busy:       make(map[*types.Var]int),
		lowHit:     noHit,
	}
}

// defsOf returns the definitions of the variable e names, if e is a
// variable the package provably controls.
func (r *resolver) defsOf(e ast.Expr) (*types.Var, []def, bool) {
	id, ok := e.(*ast.Ident)
	if !ok {
		return nil, nil, false
	}
	v, ok := r.info.Uses[id].(*types.Var)
	if !ok {
		return nil, nil, false
	}
	defs, ok := r.vars.of(v).lookup(v, r.pkg)
	return v, defs, ok
}

// calleeName returns the full name of the function a call statically
// calls, or "".
func (r *resolver) calleeName(call *ast.CallExpr) string {
	if fn, ok := typeutil.Callee(r.info, call).(*types.Func); ok {
		return fn.FullName()
	}
	return ""
}

// constText returns the text of a constant expression: strings as is,
// integers in decimal (what strconv.Itoa and %d print).
func constText(v constant.Value) (string, bool) {
	switch v.Kind() {
	case constant.String:
		return constant.StringVal(v), true
	case constant.Int:
		return v.ExactString(), true
	}
	return "", false
}

// str resolves a string- or integer-valued expression.
func (r *resolver) str(e ast.Expr) []str {
	e = ast.Unparen(e)
	switch e := e.(type) {
	case *ast.BasicLit:
		if tv, ok := r.info.Types[e]; ok && tv.Value != nil {
			if t, ok := constText(tv.Value); ok {
				return known(t, e.Pos())
			}
		}
	case *ast.Ident, *ast.SelectorExpr:
		if tv, ok := r.info.Types[e]; ok && tv.Value != nil {
			if t, ok := constText(tv.Value); ok {
				return known(t, r.declPos(e)) // a named constant
			}
		}
	case *ast.BinaryExpr:
		if e.Op == token.ADD && isString(r.info.TypeOf(e)) {
			return concat(r.str(e.X), r.str(e.Y))
		}
	case *ast.CallExpr:
		if tv, ok := r.info.Types[e]; ok && tv.Value != nil {
			break // a constant conversion: folded below
		}
		return r.callStr(e)
	}
	if tv, ok := r.info.Types[e]; ok && tv.Value != nil {
		if t, ok := constText(tv.Value); ok {
			return known(t, e.Pos())
		}
		return hole()
	}
	if v, defs, ok := r.defsOf(e); ok {
		return r.varStr(v, defs)
	}
	if sel, ok := e.(*ast.SelectorExpr); ok {
		return r.fieldRead(sel)
	}
	if id, ok := e.(*ast.Ident); ok {
		if v, ok := r.info.Uses[id].(*types.Var); ok && v.Pkg() == r.pkg && !v.IsField() {
			if _, ok := r.paramOf(v); ok {
				return []str{{{param: v, pos: id.Pos()}}}
			}
		}
	}
	return hole()
}

// fieldRead resolves cfg.Addr where cfg is a struct-valued variable the
// package controls: the field of each struct literal assigned to cfg
// (its zero value when the literal omits it) and each cfg.Addr = … .
func (r *resolver) fieldRead(sel *ast.SelectorExpr) []str {
	v, exprs, zeros, ok := r.fieldExprs(sel)
	if !ok {
		return hole()
	}
	depth, saved, ok := r.enter(v)
	if !ok {
		return nil
	}
	defer r.leave(v, depth, saved)
	var out []str
	for _, pos := range zeros {
		out = union(out, r.zero(sel, pos))
	}
	for _, e := range exprs {
		out = union(out, r.str(e))
	}
	return out
}

// fieldExprs lists the expressions assigned to field sel of a local
// struct variable, and the positions where it is left at its zero value.
func (r *resolver) fieldExprs(sel *ast.SelectorExpr) (v *types.Var, exprs []ast.Expr, zeros []token.Pos, ok bool) {
	s := r.info.Selections[sel]
	if s == nil || s.Kind() != types.FieldVal || len(s.Index()) != 1 {
		return nil, nil, nil, false
	}
	if _, isStruct := r.info.TypeOf(sel.X).Underlying().(*types.Struct); !isStruct {
		return nil, nil, nil, false // through a pointer, other aliases may write it
	}
	v, defs, ok := r.defsOf(ast.Unparen(sel.X))
	if !ok {
		return nil, nil, nil, false
	}
	name := sel.Sel.Name
	assigned := isField(v, name, r.info)
	for _, d := range defs {
		lit, isLit := ast.Unparen(d.rhs).(*ast.CompositeLit)
		switch {
		case d.rhs == nil:
			if !definitelyAssigns(d.next, assigned) {
				zeros = append(zeros, d.pos)
			}
		case d.index >= 0 || !isLit:
			return nil, nil, nil, false
		default:
			val, found := keyedField(lit, name)
			switch {
			case found:
				exprs = append(exprs, val)
			case len(lit.Elts) > 0 && !isKeyed(lit):
				return nil, nil, nil, false // positional literal
			case !definitelyAssigns(d.next, assigned):
				zeros = append(zeros, lit.Pos())
			}
		}
	}
	for _, d := range r.vars.of(v).fieldDefs[fieldKey{v, name}] {
		exprs = append(exprs, d.rhs)
	}
	return v, exprs, zeros, true
}

// zero is the zero value of a string or integer expression.
func (r *resolver) zero(e ast.Expr, pos token.Pos) []str {
	if isString(r.info.TypeOf(e)) {
		return known("", pos)
	}
	return known("0", pos)
}

func keyedField(lit *ast.CompositeLit, name string) (ast.Expr, bool) {
	for _, elt := range lit.Elts {
		if kv, ok := elt.(*ast.KeyValueExpr); ok {
			if id, ok := kv.Key.(*ast.Ident); ok && id.Name == name {
				return kv.Value, true
			}
		}
	}
	return nil, false
}

func isKeyed(lit *ast.CompositeLit) bool {
	_, ok := lit.Elts[0].(*ast.KeyValueExpr)
	return ok
}

// declPos is where a named constant was written.
func (r *resolver) declPos(e ast.Expr) token.Pos {
	var id *ast.Ident
	switch e := e.(type) {
	case *ast.Ident:
		id = e
	case *ast.SelectorExpr:
		id = e.Sel
	}
	if c, ok := r.info.Uses[id].(*types.Const); ok && c.Pos().IsValid() {
		return c.Pos()
	}
	return e.Pos()
}

func (r *resolver) varStr(v *types.Var, defs []def) []str {
	if s, ok := r.strMemo[v]; ok {
		return s
	}
	depth, saved, ok := r.enter(v)
	if !ok {
		return nil
	}
	var out []str
	for _, d := range defs {
		switch {
		case d.rhs == nil:
			out = union(out, known("", d.pos)) // zero value
		case d.index >= 0:
			if call, ok := ast.Unparen(d.rhs).(*ast.CallExpr); ok {
				out = union(out, r.funcResult(call, d.index)) // a, err := addr()
			} else {
				out = union(out, hole())
			}
		default:
			out = union(out, r.str(d.rhs))
		}
	}
	if r.leave(v, depth, saved) {
		r.strMemo[v] = out
	}
	return out
}

// callStr resolves calls that build strings from their arguments.
func (r *resolver) callStr(call *ast.CallExpr) []str {
	switch r.calleeName(call) {
	case "strconv.Itoa":
		if len(call.Args) == 1 {
			return r.str(call.Args[0])
		}
	case "strconv.FormatInt", "strconv.FormatUint":
		if len(call.Args) == 2 && r.isConst(call.Args[1], "10") {
			return r.str(call.Args[0])
		}
	case "fmt.Sprint":
		if len(call.Args) == 1 {
			return r.str(call.Args[0])
		}
	case "net.JoinHostPort":
		if len(call.Args) == 2 {
			return r.joinHostPort(call.Args[0], call.Args[1])
		}
	case "fmt.Sprintf":
		if len(call.Args) >= 1 && !call.Ellipsis.IsValid() {
			return r.sprintf(call)
		}
	default:
		return r.funcResult(call, 0)
	}
	return hole()
}

func (r *resolver) isConst(e ast.Expr, want string) bool {
	tv, ok := r.info.Types[e]
	if !ok || tv.Value == nil {
		return false
	}
	t, ok := constText(tv.Value)
	return ok && t == want
}

// joinHostPort brackets a host that contains a colon, as net.JoinHostPort
// does; an unknown host stays a hole, which is right for the port.
func (r *resolver) joinHostPort(h, p ast.Expr) []str {
	hosts := r.str(h)
	var bracketed []str
	for _, alt := range hosts {
		if t, ok := alt.text(); ok && strings.IndexByte(t, ':') >= 0 {
			alt = append(append(str{{text: "[", known: true, pos: alt[0].pos}}, alt...), seg{text: "]", known: true, pos: alt[0].pos})
		}
		bracketed = append(bracketed, alt)
	}
	colon := known(":", h.End())
	return concat(concat(bracketed, colon), r.str(p))
}

// sprintf interprets a constant format with %s, %d and %v verbs; any other
// verb, flag or width makes the result unknown.
func (r *resolver) sprintf(call *ast.CallExpr) []str {
	tv, ok := r.info.Types[call.Args[0]]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.String {
		return hole()
	}
	format := constant.StringVal(tv.Value)
	lit, _ := ast.Unparen(call.Args[0]).(*ast.BasicLit)
	fpos := call.Args[0].Pos()
	if lit == nil {
		fpos = r.declPos(ast.Unparen(call.Args[0]))
	}
	out := known("", fpos)
	args := call.Args[1:]
	var text strings.Builder
	flush := func() {
		if text.Len() > 0 {
			out = concat(out, known(text.String(), fpos))
			text.Reset()
		}
	}
	for i := 0; i < len(format); i++ {
		c := format[i]
		if c != '%' {
			text.WriteByte(c)
			continue
		}
		if i+1 >= len(format) {
			return hole()
		}
		i++
		switch format[i] {
		case '%':
			text.WriteByte('%')
		case 's', 'd', 'v':
			if len(args) == 0 {
				return hole()
			}
			flush()
			out = concat(out, r.str(args[0]))
			args = args[1:]
		default:
			return hole()
		}
	}
	flush()
	if len(args) != 0 {
		return hole() // %!(EXTRA ...)
	}
	return out
}

func isString(t types.Type) bool {
	if t == nil {
		return false // an ill-typed operand
	}
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsString != 0
}
