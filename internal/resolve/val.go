package resolve

import (
	"go/ast"

	"github.com/portlint/portlint/internal/addrval"
)

// A Val is what the resolver found for one expression: the values that
// can reach it, and how they were built. The fixer reads it and never
// walks the source again, so an address form is understood in one place.
type Val struct {
	Strs  []addrval.Str // the values of a string or integer expression
	Addrs []addrval.Alt // the values of an address struct (*net.TCPAddr …)
	Expr  ast.Expr      // as written (parentheses included); nil for a zero value
	Form  form
	Parts []*Val // by form, see below
	Index int    // the result a definition takes of a, err := f(), or -1
	// Loop is set when v takes, in turn, two or more elements of a list:
	// the body of the loop that goes over them (see perElement).
	Loop *ast.BlockStmt
	// Many: the values of every construction another package writes a
	// field in (a FieldFact), which may be servers running at once.
	Many bool
}

// form says how a val was built, and what its parts are.
type form uint8

const (
	formExpr    form = iota // edited as a whole: a constant, strconv.Itoa(…), another package's helper, anything unknown
	FormZero                // a variable's or field's zero value (expr nil)
	FormConcat              // x + y: parts x and y
	FormJoin                // net.JoinHostPort(host, port): parts host and port
	FormSprintf             // fmt.Sprintf(format, args...): parts the format and the arguments
	FormVar                 // a variable the package controls (expr is the use): parts its definitions
	FormField               // cfg.Addr of a local struct: parts its values, formZero where unset
	FormCall                // a helper of the package: parts its returns, if each spells its results out
	FormResolve             // a, err := net.ResolveTCPAddr(network, ADDR): part ADDR
	FormIPAddr              // &net.TCPAddr{IP: …, Port: …}: parts IP and port, nil where omitted
)

// leaf returns a val of form formExpr.
func leaf(e ast.Expr, strs []addrval.Str) *Val {
	return &Val{Strs: strs, Expr: e, Form: formExpr, Index: -1}
}

// Text returns the single constant text every value of v has.
func (v *Val) Text() (string, bool) {
	if len(v.Strs) == 0 {
		return "", false
	}
	first, ok := v.Strs[0].Text()
	for _, s := range v.Strs[1:] {
		if t, k := s.Text(); !k || t != first {
			return "", false
		}
	}
	return first, ok
}

// Operands lists the operands of a chain of concatenations, as written:
// a, b and c of a + b + c.
func (v *Val) Operands() []*Val {
	if v.Form != FormConcat {
		return []*Val{v}
	}
	return append(v.Parts[0].Operands(), v.Parts[1].Operands()...)
}

// Definition reports whether v is a single-valued definition the fixer
// can edit in place: not a zero value, not one result of a tuple.
func (v *Val) Definition() bool {
	return v.Form != FormZero && v.Index < 0
}

// Each calls f for v and every val it was built from.
func (v *Val) Each(f func(*Val)) {
	seen := make(map[*Val]bool)
	var walk func(*Val)
	walk = func(v *Val) {
		if v == nil || seen[v] {
			return
		}
		seen[v] = true
		f(v)
		for _, p := range v.Parts {
			walk(p)
		}
	}
	walk(v)
}
