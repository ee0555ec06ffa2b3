package sites

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"slices"

	"github.com/portlint/portlint/internal/portplan"
	"github.com/portlint/portlint/internal/resolve"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"
)

// branches lists the if/else and case arms cur lies in, outermost first
// (servers in different arms never run at once), with the variable each
// condition tests for absence (a default stands in for a server). What
// follows an if whose body exits (return, log.Fatal) is its else arm.
func (sv *serving) branches(cur inspector.Cursor) []portplan.Branch {
	var out []portplan.Branch
	below := cur
	for x := cur.Parent(); x.Node() != nil; x = x.Parent() {
		switch n := x.Node().(type) {
		case *ast.IfStmt:
			if k := below.ParentEdgeKind(); k == edge.IfStmt_Body || k == edge.IfStmt_Else {
				out = append(out, sv.ifArm(n, k == edge.IfStmt_Else))
			}
		case *ast.BlockStmt:
			switch c := below.Node().(type) {
			case *ast.CaseClause:
				b := portplan.Branch{At: n.Pos(), Arm: c.Pos()}
				if sw, ok := x.Parent().Node().(*ast.SwitchStmt); ok {
					b.Tests, b.Absent = sv.switchAbsence(sw)
				}
				out = append(out, b)
			case *ast.CommClause:
				out = append(out, portplan.Branch{At: n.Pos(), Arm: c.Pos()})
			default:
				// Guards before below, the nearest first.
				_, i := below.ParentEdge()
				for _, st := range slices.Backward(n.List[:max(i, 0)]) {
					if g, ok := st.(*ast.IfStmt); ok && g.Else == nil && sv.exits(g.Body) {
						out = append(out, sv.ifArm(g, true))
					}
				}
			}
		}
		below = x
	}
	slices.Reverse(out)
	return out
}

// ifArm is the body or (inElse) the else arm of an if.
func (sv *serving) ifArm(n *ast.IfStmt, inElse bool) portplan.Branch {
	b := portplan.Branch{At: n.Pos()}
	if inElse {
		b.Arm = 1
	}
	b.Tests, b.Absent = sv.absence(n.Cond)
	return b
}

// exits reports whether a block ends in return, panic or a call of
// listenapi's Exits rows.
func (sv *serving) exits(body *ast.BlockStmt) bool {
	if len(body.List) == 0 {
		return false
	}
	switch st := body.List[len(body.List)-1].(type) {
	case *ast.ReturnStmt:
		return true
	case *ast.ExprStmt:
		if call, ok := ast.Unparen(st.X).(*ast.CallExpr); ok {
			if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok && sv.info.Uses[id] == types.Universe.Lookup("panic") {
				return true
			}
			fn := resolve.CalleeFunc(sv.info, call)
			return fn != nil && sv.rules.Exits[fn.FullName()]
		}
	}
	return false
}

// absence returns the variable an if's condition tests for absence and
// the arm taken when it is absent: the body (0) for v == "" and !ok, the
// else (1) for v != "" and ok (of v, ok := os.LookupEnv(…)); else NoPos.
func (sv *serving) absence(cond ast.Expr) (value, arm token.Pos) {
	arm = 1
	if u, ok := ast.Unparen(cond).(*ast.UnaryExpr); ok && u.Op == token.NOT {
		cond, arm = u.X, 0
	}
	switch e := ast.Unparen(cond).(type) {
	case *ast.Ident:
		return sv.commaOkValue(e), arm
	case *ast.BinaryExpr:
		if arm == 0 || e.Op != token.EQL && e.Op != token.NEQ {
			return token.NoPos, 0
		}
		if e.Op == token.EQL {
			arm = 0
		}
		if isEmptyString(sv.info, e.X) {
			return variable(sv.info, e.Y), arm
		}
		if isEmptyString(sv.info, e.Y) {
			return variable(sv.info, e.X), arm
		}
	}
	return token.NoPos, 0
}

// switchAbsence returns the variable a switch tests for absence and the
// clause taken then: case "" of switch v, or case v == "" of switch {}.
func (sv *serving) switchAbsence(sw *ast.SwitchStmt) (value, clause token.Pos) {
	for _, st := range sw.Body.List {
		c := st.(*ast.CaseClause)
		if len(c.List) != 1 {
			continue
		}
		if v, arm := sv.absence(c.List[0]); sw.Tag == nil && v.IsValid() && arm == 0 {
			return v, c.Pos()
		}
		if sw.Tag != nil && isEmptyString(sv.info, c.List[0]) {
			return variable(sv.info, sw.Tag), c.Pos()
		}
	}
	return token.NoPos, token.NoPos
}

func isEmptyString(info *types.Info, e ast.Expr) bool {
	tv := info.Types[e]
	return tv.Value != nil && tv.Value.Kind() == constant.String && constant.StringVal(tv.Value) == ""
}

// variable returns where the variable e names is declared, or NoPos.
func variable(info *types.Info, e ast.Expr) token.Pos {
	if id, ok := ast.Unparen(e).(*ast.Ident); ok {
		if v, ok := info.ObjectOf(id).(*types.Var); ok && !v.IsField() {
			return v.Pos()
		}
	}
	return token.NoPos
}

// commaOkValue returns where v is declared, for ok of v, ok := … alone.
func (sv *serving) commaOkValue(id *ast.Ident) token.Pos {
	ok, _ := sv.info.Uses[id].(*types.Var)
	if ok == nil || !types.Identical(ok.Type(), types.Typ[types.Bool]) {
		return token.NoPos
	}
	if _, _, one := sv.onlyDef(ok); !one {
		return token.NoPos
	}
	cur, found := sv.decls.Find(ok.Pos(), ok.Pos()+token.Pos(len(ok.Name())))
	if !found {
		return token.NoPos
	}
	if as, isAssign := cur.Parent().Node().(*ast.AssignStmt); isAssign && len(as.Lhs) == 2 && as.Lhs[1] == cur.Node() {
		return variable(sv.info, as.Lhs[0])
	}
	return token.NoPos
}

// reads lists the variables an address is built from, at any depth.
func (sv *serving) reads(v *resolve.Val) []token.Pos {
	var out []token.Pos
	v.Each(func(p *resolve.Val) {
		if p.Form != resolve.FormVar {
			return
		}
		if pos := variable(sv.info, p.Expr); pos.IsValid() && !slices.Contains(out, pos) {
			out = append(out, pos)
		}
	})
	return out
}
