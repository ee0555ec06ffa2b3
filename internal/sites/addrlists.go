package sites

import (
	"go/ast"

	"github.com/portlint/portlint/internal/listenapi"
	"github.com/portlint/portlint/internal/resolve"
)

// Addresses given as lists (evio.Serve(events, addr ...string),
// gnet.Rotate(h, addrs []string), nbio.Config{Addrs: []string{…}}): each
// element is a site of its own, and the elements of one call or literal
// listen at once, so only the first is where the program may wait.

// listElems returns the addresses a list-valued address argument holds:
// the arguments from i on where they fill a variadic parameter one by one,
// or the elements of a slice literal. A slice from elsewhere holds none
// that the pass can see.
func listElems(call *ast.CallExpr, i int, variadic bool) []ast.Expr {
	if variadic {
		args := call.Args[i:]
		if call.Ellipsis.IsValid() {
			args = args[:len(args)-1] // Serve(ev, a, rest...): rest is not seen
		}
		return args
	}
	return sliceElems(call.Args[i])
}

// sliceElems returns the elements of a slice or array literal, or none.
func sliceElems(e ast.Expr) []ast.Expr {
	lit, ok := ast.Unparen(e).(*ast.CompositeLit)
	if !ok {
		return nil
	}
	out := make([]ast.Expr, 0, len(lit.Elts))
	for _, elt := range lit.Elts {
		if kv, ok := elt.(*ast.KeyValueExpr); ok {
			elt = kv.Value // []string{0: ":8080"}
		}
		out = append(out, elt)
	}
	return out
}

// ruleField records the site of a rule's address field, written with
// value in lit (nil for an assignment): one per element of a list field,
// and, for a rule whose network is another field, only in a literal
// that sets the network to a TCP or UDP one (the engine listens on
// nothing without it).
func (c *checker) ruleField(typ, field string, value ast.Expr, lit *ast.CompositeLit, rule listenapi.FieldRule, s Site) {
	if rule.Network != "" {
		var network ast.Expr
		if lit != nil {
			network, _ = resolve.KeyedField(lit, rule.Network)
		}
		if network == nil {
			return
		}
		// One that may be unix makes no site, but its sinks are learned.
		var unix bool
		if unix, s.learnOnly, s.transport = c.networkOf(network); unix {
			return
		}
	}
	values := []ast.Expr{value}
	if rule.List {
		values = sliceElems(value)
	}
	for k, v := range values {
		s.inGo = k > 0
		s.API, s.Expr, s.Shape, s.Val = ShortType(typ)+"."+field, v, listenapi.ShapeString, c.res.Str(v)
		c.addSite(s, s.Val.Strs)
	}
}
