package sites

import (
	"cmp"
	"go/ast"
	"go/types"
	"slices"
	"strings"

	"github.com/portlint/portlint/internal/resolve"
	"golang.org/x/tools/go/ast/edge"
)

// The names a program gives its servers, which internal/portplan reads to
// tell an auxiliary server (metrics, debug, admin…) and to name a
// secondary's variable after the program (metricsAddr → METRICS_PORT).

// names lists the names a site's code gives its server, most telling
// first.
func (sv *serving) names(s *Site) []string {
	var names []string
	s.Val.Each(func(v *resolve.Val) {
		switch e := ast.Unparen(v.Expr).(type) {
		case *ast.Ident:
			names = append(names, e.Name)
		case *ast.SelectorExpr:
			names = append(names, e.Sel.Name)
		case *ast.CallExpr: // a helper: metricsAddr(), config.Metrics()
			if fn := resolve.CalleeFunc(sv.info, e); fn != nil && fn.Pkg() != nil && (fn.Pkg() == sv.pkg || strings.Contains(fn.Pkg().Path(), ".")) {
				names = append(names, fn.Name())
			}
		}
	})
	// Names that say they hold an address come first.
	slices.SortStableFunc(names, func(a, b string) int { return cmp.Compare(addressLike(b), addressLike(a)) })
	if s.server != nil {
		names = append(names, s.server.Name())
	}
	if s.creates && s.call != nil {
		if v := sv.resultVar(s.call); v != nil {
			names = append(names, v.Name())
		}
	}
	if s.Via != nil {
		if v := sv.holderVar(s.Expr); v != nil {
			names = append(names, v.Name())
		}
	}
	if fn := s.fn; fn != nil && fn.Name.Name != "main" {
		names = append(names, fn.Name.Name)
	}
	return names
}

// holderVar returns the variable that holds what a value passed to a
// sink builds: admin in admin := server.New(server.Config{Addr: ":9090"}),
// dnsSrv in dnsSrv := &dns.Server{Addr: ":5353"}.
func (sv *serving) holderVar(e ast.Expr) *types.Var {
	cur := sv.cursor(e)
	for range 6 {
		if !cur.Valid() {
			return nil
		}
		switch cur.ParentEdgeKind() {
		case edge.KeyValueExpr_Value, edge.CompositeLit_Elts, edge.UnaryExpr_X, edge.CallExpr_Args, edge.CallExpr_Fun, edge.SelectorExpr_X, edge.ParenExpr_X:
			cur = cur.Parent()
			continue
		}
		v := assignedVar(sv.info, cur)
		if v != nil && outcome(v.Type()) {
			return nil // err := engine.Start(NewRemote(":4000")) names no server
		}
		return v
	}
	return nil
}

// addressLike is 1 for a name that says it holds an address, else 0.
func addressLike(name string) int {
	n := strings.ToLower(name)
	if strings.Contains(n, "addr") || strings.Contains(n, "port") || strings.Contains(n, "listen") {
		return 1
	}
	return 0
}

// outcome reports whether a variable of type t holds how something went
// rather than a server: an error, a channel of errors, a bool.
func outcome(t types.Type) bool {
	errorType := types.Universe.Lookup("error").Type().Underlying().(*types.Interface)
	if ch, ok := t.Underlying().(*types.Chan); ok {
		t = ch.Elem()
	}
	if b, ok := t.Underlying().(*types.Basic); ok {
		return b.Kind() == types.Bool || b.Kind() == types.UntypedBool
	}
	return types.Implements(t, errorType) || types.Implements(types.NewPointer(t), errorType)
}
