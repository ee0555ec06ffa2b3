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
}

// form says how a val was built, and what its parts are.
type form uint8

const (
	// formExpr: an expression the fixer edits as a whole — a constant, a
	// conversion such as strconv.Itoa, another package's helper, or
	// anything unknown. No parts.
	formExpr form = iota
	// formZero: a variable's or field's zero value (expr nil).
	formZero
	// formConcat: x + y; parts are x and y.
	formConcat
	// formJoin: net.JoinHostPort(host, port); parts are host and port.
	formJoin
	// formSprintf: fmt.Sprintf(format, args...); parts are the format and
	// the arguments.
	formSprintf
	// formVar: a variable the package controls; parts are its
	// definitions. expr is the use.
	formVar
	// formField: cfg.Addr of a local struct variable; parts are the
	// values the field is given, formZero where it is left unset.
	formField
	// formCall: a call of a helper of the package; parts are its returns'
	// values, when every return spells its results out (else none, and
	// the call is edited as a whole).
	formCall
	// formResolve: a definition a, err := net.ResolveTCPAddr(network,
	// ADDR) (index 0); the part is ADDR.
	formResolve
	// formIPAddr: &net.TCPAddr{IP: …, Port: …} and its kin; parts are the
	// IP and the port, nil where the literal omits them.
	formIPAddr
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
