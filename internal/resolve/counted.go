package resolve

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"go/version"
	"strconv"

	"github.com/portlint/portlint/internal/addrval"
	"golang.org/x/tools/go/ast/edge"
)

// countedLoop resolves a use of the variable of a counted loop (for i :=
// C0; i < C1; i++, or i <= C1) to each value it takes, taken in turn in
// the loop's body, when they are few and only the post statement writes
// it: for i := 0; i < 3; i++ { go serve(fmt.Sprintf(":%d", 8090+i)) }.
func countedLoop(info *types.Info, decls *DeclCursors, written ast.Expr, v *types.Var) *Val {
	loop, ok := definingLoop(decls, v).(*ast.ForStmt)
	if !ok {
		return nil
	}
	as := loop.Init.(*ast.AssignStmt)
	cond, ok := loop.Cond.(*ast.BinaryExpr)
	if !ok || len(as.Rhs) != 1 || !isVar(v, info)(cond.X) || cond.Op != token.LSS && cond.Op != token.LEQ {
		return nil
	}
	lo, loOK := intConst(info, as.Rhs[0])
	hi, hiOK := intConst(info, cond.Y)
	if cond.Op == token.LEQ {
		hi++
	}
	post, isIncDec := loop.Post.(*ast.IncDecStmt)
	if !loOK || !hiOK || !isIncDec || post.Tok != token.INC || !isVar(v, info)(post.X) || hi <= lo || hi-lo > addrval.MaxAlts || leaves(loop.Body) {
		return nil
	}
	if closure(decls, written, loop.Body) && !goAtLeast(info, decls, loop.Pos(), "go1.22") {
		return nil // before Go 1.22, a closure sees the loop's one variable
	}
	for _, u := range LocalUses(info, decls, v) {
		if Written(u) && u.Parent().Node() != loop.Post {
			return nil // written, or its address taken, in the body
		}
	}
	out := &Val{Expr: written, Form: formExpr, Index: -1, Loop: loop.Body}
	for k := lo; k < hi; k++ {
		out.Strs = append(out.Strs, addrval.Known(strconv.FormatInt(k, 10), as.Rhs[0].Pos())...)
	}
	return out
}

// definingLoop returns the loop whose statement defines v (for v := …
// alone, or for v := range), or nil.
func definingLoop(decls *DeclCursors, v *types.Var) ast.Stmt {
	def, ok := decls.Find(v.Pos(), v.Pos())
	switch {
	case !ok:
	case def.ParentEdgeKind() == edge.RangeStmt_Key:
		return def.Parent().Node().(*ast.RangeStmt)
	case def.ParentEdgeKind() == edge.AssignStmt_Lhs && def.Parent().ParentEdgeKind() == edge.ForStmt_Init && len(def.Parent().Node().(*ast.AssignStmt).Lhs) == 1:
		return def.Parent().Parent().Node().(*ast.ForStmt)
	}
	return nil
}

// sum is the value of x + y of integers whose values a and b are all
// known: each sum; or, for a parameter of known callers plus a constant
// (port+1000), an addrval.Offset of its hole. Not when both vary with a
// loop (i+i takes the same i twice), nor for integers that may wrap.
func (r *Resolver) sum(written ast.Expr, x *ast.BinaryExpr, a, b *Val) *Val {
	if t, ok := r.info.TypeOf(x).Underlying().(*types.Basic); !ok || narrow[t.Kind()] {
		return nil
	}
	if v, n, ok := paramPlus(r.info, x, a, b); ok {
		if o, ok := r.ParamOf(v); !ok || !r.Callers.Known(o) {
			return nil
		}
		return &Val{Expr: written, Form: formExpr, Index: -1, Strs: addrval.Named(addrval.Offset{Key: v, Add: n}, x.Pos())}
	}
	if len(a.Strs) == 0 || len(b.Strs) == 0 || len(a.Strs)*len(b.Strs) > addrval.MaxAlts {
		return nil // no values: a cycle (p = p + 1)
	}
	if loopOf(a) != nil && loopOf(b) != nil {
		return nil
	}
	out := &Val{Expr: written, Form: formExpr, Index: -1, Parts: []*Val{a, b}}
	for _, p := range a.Strs {
		for _, q := range b.Strs {
			pt, ok1 := p.Text()
			qt, ok2 := q.Text()
			m, err1 := strconv.ParseInt(pt, 10, 64)
			n, err2 := strconv.ParseInt(qt, 10, 64)
			if !ok1 || !ok2 || err1 != nil || err2 != nil {
				return nil
			}
			out.Strs = append(out.Strs, addrval.Known(strconv.FormatInt(m+n, 10), x.Pos())...)
		}
	}
	return out
}

// paramPlus returns p and n of x, p + n or n + p, where a and b are the
// values of its operands, p a parameter's hole and n a constant.
func paramPlus(info *types.Info, x *ast.BinaryExpr, a, b *Val) (*types.Var, int64, bool) {
	hole := func(strs []addrval.Str) bool { v := soleHole(strs); return v != nil && !v.IsField() }
	p, c := a, x.Y
	if !hole(a.Strs) {
		p, c = b, x.X
	}
	n, ok := intConst(info, c)
	if !hole(p.Strs) || !ok || n == 0 {
		return nil, 0, false
	}
	return p.Strs[0][0].Hole.(*types.Var), n, true
}

// intConst returns the value of a constant integer expression.
func intConst(info *types.Info, e ast.Expr) (int64, bool) {
	tv := info.Types[e]
	if tv.Value == nil || tv.Value.Kind() != constant.Int {
		return 0, false
	}
	return constant.Int64Val(tv.Value)
}

// narrow are the integer kinds whose sums of ports may wrap.
var narrow = map[types.BasicKind]bool{types.Int8: true, types.Uint8: true, types.Int16: true}

// loopOf returns the first loop in which a part of v takes its values in
// turn, or nil.
func loopOf(v *Val) (loop *ast.BlockStmt) {
	v.Each(func(p *Val) {
		if loop == nil {
			loop = p.Loop
		}
	})
	return loop
}

// leaves reports whether a loop's body may end it early (break, return,
// goto, a labeled branch), as a loop trying ports until one is free does.
func leaves(body *ast.BlockStmt) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.ReturnStmt:
			found = true
		case *ast.BranchStmt:
			found = found || n.Tok == token.BREAK || n.Tok == token.GOTO || n.Label != nil
		case *ast.FuncLit:
			return false // its returns are its own
		}
		return !found
	})
	return found
}

// closure reports whether e lies in a function literal within body.
func closure(decls *DeclCursors, e ast.Expr, body *ast.BlockStmt) bool {
	cur, ok := decls.Find(e.Pos(), e.End())
	for ; ok && cur.Node() != nil && cur.Node() != body; cur = cur.Parent() {
		if _, lit := cur.Node().(*ast.FuncLit); lit {
			return true
		}
	}
	return false
}

// goAtLeast reports whether the file holding pos is at Go version v or
// later (unknown: the newest).
func goAtLeast(info *types.Info, decls *DeclCursors, pos token.Pos, v string) bool {
	f, ok := decls.file(pos)
	if !ok || f.file == nil {
		return true
	}
	fv := info.FileVersions[f.file]
	return fv == "" || version.Compare(fv, v) >= 0
}
