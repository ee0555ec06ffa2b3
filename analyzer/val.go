package analyzer

import (
	"go/ast"

	"github.com/portlint/portlint/internal/addrval"
)

// A val is what the resolver found for one expression: the values that can
// reach it, and how they were built, in the form the fixer edits. The
// resolver is the only code that follows an address through the source
// (definitions, returns, fields, operators and calls); the fixer reads the
// vals it recorded and never walks the source again, so an address form is
// understood in one place.
type val struct {
	strs  []addrval.Str // the values of a string or integer expression
	addrs []addrval.Alt // the values of an address struct (*net.TCPAddr …)
	// expr is the expression as written (parentheses included); nil for
	// a zero value.
	expr  ast.Expr
	form  form
	parts []*val // by form, see below
	// index is the result a definition takes from a multi-value call
	// (a, err := f()), or -1.
	index int
	// loop is set when v takes, in turn, two or more elements of a list:
	// the body of the loop that goes over them (see perElement).
	loop *ast.BlockStmt
}

// form says how a val was built, and what its parts are.
type form uint8

const (
	formExpr    form = iota // edited as a whole: a constant, strconv.Itoa(…), another package's helper, anything unknown
	formZero                // a variable's or field's zero value (expr nil)
	formConcat              // x + y: parts x and y
	formJoin                // net.JoinHostPort(host, port): parts host and port
	formSprintf             // fmt.Sprintf(format, args...): parts the format and the arguments
	formVar                 // a variable the package controls (expr is the use): parts its definitions
	formField               // cfg.Addr of a local struct: parts its values, formZero where unset
	formCall                // a helper of the package: parts its returns, if each spells its results out
	formResolve             // a, err := net.ResolveTCPAddr(network, ADDR): part ADDR
	formIPAddr              // &net.TCPAddr{IP: …, Port: …}: parts IP and port, nil where omitted
)

// leaf returns a val of form formExpr.
func leaf(e ast.Expr, strs []addrval.Str) *val {
	return &val{strs: strs, expr: e, form: formExpr, index: -1}
}

// text returns the single constant text every value of v has.
func (v *val) text() (string, bool) {
	if len(v.strs) == 0 {
		return "", false
	}
	first, ok := v.strs[0].Text()
	for _, s := range v.strs[1:] {
		if t, k := s.Text(); !k || t != first {
			return "", false
		}
	}
	return first, ok
}

// operands lists the operands of a chain of concatenations, as written:
// a, b and c of a + b + c.
func (v *val) operands() []*val {
	if v.form != formConcat {
		return []*val{v}
	}
	return append(v.parts[0].operands(), v.parts[1].operands()...)
}

// definition reports whether v is a single-valued definition the fixer
// can edit in place: not a zero value, not one result of a tuple.
func (v *val) definition() bool {
	return v.form != formZero && v.index < 0
}
