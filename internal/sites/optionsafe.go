package sites

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"

	"github.com/portlint/portlint/internal/listenapi"
	"github.com/portlint/portlint/internal/resolve"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"
)

// optionSafeFields returns the fields (optionFieldKey) of the struct
// declaring addr that an option may write without moving the server:
// those never read but as a listen API's handler (http.ListenAndServe(
// s.Addr, s.Handler)); if s.Alt != "" { addr = s.Alt } may move it.
func optionSafeFields(pass *analysis.Pass, rules *listenapi.RuleSet, syn resolve.Syntax, addr *types.Var) []string {
	if addr.Pkg() != pass.Pkg {
		return nil
	}
	var st *types.Struct
	for _, name := range pass.Pkg.Scope().Names() {
		if tn, ok := pass.Pkg.Scope().Lookup(name).(*types.TypeName); ok {
			if s, ok := tn.Type().Underlying().(*types.Struct); ok && structField(s, addr.Name()) == addr {
				st = s
			}
		}
	}
	if st == nil {
		return nil
	}
	read := make(map[*types.Var]bool)
	for cur := range syn.Preorder((*ast.SelectorExpr)(nil)) {
		sel := cur.Node().(*ast.SelectorExpr)
		s := pass.TypesInfo.Selections[sel]
		if s == nil || s.Kind() != types.FieldVal {
			continue
		}
		f := s.Obj().(*types.Var)
		if !read[f] && !assignedOrServed(pass.TypesInfo, rules, cur) {
			read[f] = true
		}
	}
	var safe []string
	for f := range st.Fields() {
		if f != addr && !read[f] {
			safe = append(safe, optionFieldKey(f))
		}
	}
	return safe
}

// assignedOrServed reports whether the field selection at cur is only
// assigned, or passed as the handler of a listen API of the rules.
func assignedOrServed(info *types.Info, rules *listenapi.RuleSet, cur inspector.Cursor) bool {
	sel := cur.Node().(ast.Expr)
	// s.Limits.Body = n assigns into s.Limits.
	top := cur
	for k := top.ParentEdgeKind(); k == edge.SelectorExpr_X || k == edge.IndexExpr_X || k == edge.ParenExpr_X; k = top.ParentEdgeKind() {
		top = top.Parent()
	}
	if a, ok := top.Parent().Node().(*ast.AssignStmt); ok {
		return a.Tok == token.ASSIGN && slices.Contains(a.Lhs, top.Node().(ast.Expr))
	}
	switch p := cur.Parent().Node().(type) {
	case *ast.CallExpr:
		fn, ok := typeutil.Callee(info, p).(*types.Func)
		if !ok {
			return false
		}
		if i, ok := rules.Serves[fn.FullName()]; ok && i < len(p.Args) && p.Args[i] == sel {
			return true // http.Serve(l, s.Handler)
		}
		rule, ok := rules.Calls[fn.FullName()]
		return ok && rule.Handler > 0 && rule.Handler < len(p.Args) && p.Args[rule.Handler] == sel
	case *ast.KeyValueExpr:
		key, ok := p.Key.(*ast.Ident)
		lit, isLit := cur.Parent().Parent().Node().(*ast.CompositeLit)
		return ok && isLit && p.Value == sel && key.Name == "Handler" && rules.Fields[resolve.NamedTypeName(info.TypeOf(lit))] != nil
	}
	return false
}

// optionsLeave reports whether every variadic argument of call (from
// index first) is a call of an option constructor whose OptionFact says
// it writes only fields in safe; not so for a spread slice (opts...).
func (lr *learner) optionsLeave(call *ast.CallExpr, first int, safe []string) bool {
	if len(safe) == 0 || call.Ellipsis.IsValid() {
		return false
	}
	for _, arg := range call.Args[first:] {
		var fact OptionFact
		if lit, ok := resolve.Unaddr(arg).(*ast.CompositeLit); ok {
			if tn := namedOf(lr.pass.TypesInfo.TypeOf(lit)); tn == nil || !lr.pass.ImportObjectFact(tn, &fact) {
				return false // an option type's value: EmptyOption{}
			}
		} else if c, ok := ast.Unparen(arg).(*ast.CallExpr); !ok {
			return false
		} else if fn := typeutil.StaticCallee(lr.pass.TypesInfo, c); fn == nil || !lr.pass.ImportObjectFact(fn, &fact) {
			return false
		}
		for _, w := range fact.Writes {
			if !slices.Contains(safe, w) {
				return false
			}
		}
	}
	return true
}
