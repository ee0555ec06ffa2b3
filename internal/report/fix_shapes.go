package report

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/printer"
	"go/token"
	"strconv"
	"strings"

	"github.com/portlint/portlint/internal/addrval"
	"github.com/portlint/portlint/internal/resolve"
)

// How the fixer edits each form of address the resolver recorded: a
// concatenation, net.JoinHostPort, fmt.Sprintf, an address struct, and,
// as the last resort, anything else (wrap).

// concat fixes host + ":" + port style concatenations at their operands.
func (fx *fixer) concat(v *resolve.Val, f addrval.Finding) bool {
	ops := v.Operands()
	if f.Loopback {
		// Only as net.JoinHostPort: "0.0.0.0" + … would be flagged by G102;
		// otherwise the caller wraps the expression.
		return fx.loopbackJoin(v, ops, f)
	}
	// Only the port: the last operand, ":8080", or 8080 after a colon.
	last, ok := ops[len(ops)-1].Text()
	switch port, colon := strings.CutPrefix(last, ":"); {
	case !ok || strings.Contains(port, ":"):
		return false
	case colon:
		return fx.replace(ops[len(ops)-1], resolve.RoleColonPort)
	}
	prev, _ := ops[len(ops)-2].Text()
	return strings.HasSuffix(prev, ":") && fx.replace(ops[len(ops)-1], resolve.RolePort)
}

// loopbackJoin rewrites host + ":" + port, where the host is loopback, as
// net.JoinHostPort(host', port'): the host becomes the configured one (a
// literal, or the variable holding it with its definitions edited), the
// port stays as written or, when it is hard-coded, reads $PORT. No
// concatenation then starts with 0.0.0.0, which G102 flags even through
// a variable.
func (fx *fixer) loopbackJoin(v *resolve.Val, ops []*resolve.Val, f addrval.Finding) bool {
	first, ok := ops[0].Text()
	if !ok {
		return false
	}
	// "tcp://localhost:" + port keeps its scheme before the join.
	scheme, first, _ := addrval.CutScheme(first)
	if scheme != "" && ops[0].Form == resolve.FormVar {
		return false // its definitions hold the scheme
	}
	var hostArg string
	rest := ops[1:]
	host, colon := strings.CutSuffix(first, ":") // "localhost:" + port
	if !colon {
		sep, ok := ops[1].Text()
		switch {
		case !ok || fx.refsLocalVar(ops[1].Expr):
			return false
		case sep == ":" && len(ops) >= 3:
			rest = ops[2:]
		case f.Port && strings.HasPrefix(sep, ":"):
			// host + ":8080": the port is in the operand
		default:
			return false
		}
	}
	if !colon && ops[0].Form == resolve.FormVar {
		// Keep the variable (it stays used) and edit its definitions.
		for _, d := range ops[0].Parts {
			if t, ok := d.Text(); !d.Definition() || !ok || !wholeLoopbackHost(t) {
				return false
			}
		}
		if !fx.replace(ops[0], resolve.RoleHostBare) {
			return false
		}
		hostArg = ast.Unparen(ops[0].Expr).(*ast.Ident).Name
	} else {
		if !wholeLoopbackHost(host) || fx.refsLocalVar(ops[0].Expr) {
			return false
		}
		hostArg = strconv.Quote(fx.schemeHost(scheme))
	}
	e := ast.Unparen(v.Expr)
	var portArg string
	if f.Port {
		var port strings.Builder
		for _, op := range rest {
			t, ok := op.Text()
			if !ok || fx.refsLocalVar(op.Expr) {
				return false
			}
			port.WriteString(t)
		}
		p := strings.TrimPrefix(port.String(), ":")
		if strings.Contains(p, ":") {
			return false
		}
		portArg = fx.portExpr(p, e.Pos())
	} else {
		var parts []string
		for _, op := range rest {
			var buf bytes.Buffer
			if err := printer.Fprint(&buf, fx.pass.Fset, op.Expr); err != nil {
				return false
			}
			parts = append(parts, buf.String())
			fx.kept = append(fx.kept, op.Expr)
		}
		portArg = strings.Join(parts, " + ")
	}
	join := fmt.Sprintf("%sJoinHostPort(%s, %s)", fx.qualifier("net", e.Pos()), hostArg, portArg)
	if scheme != "" {
		join = strconv.Quote(scheme+"://") + " + " + join
	}
	fx.replaceWith(e, join)
	return true
}

// wholeLoopbackHost reports whether an operand is a complete loopback
// host ("localhost", "[::1]"), not a piece of one ("[" of "[" + "::1" + "]").
func wholeLoopbackHost(s string) bool {
	s, open := strings.CutPrefix(s, "[")
	s, closed := strings.CutSuffix(s, "]")
	return open == closed && addrval.HostIsLoopback(s)
}

// hostPort fixes an address whose host and port are written apart (nil
// where omitted): the host by bindHost.
func (fx *fixer) hostPort(host, port *resolve.Val, f addrval.Finding, bindHost func(*resolve.Val) bool) bool {
	switch {
	case f.Loopback && (host == nil || !bindHost(host)), f.Port && port == nil:
		return false
	case !f.Port:
		return true
	}
	_, ok := port.Text() // one value, whatever its definitions
	return ok && fx.replace(port, resolve.RolePort)
}

// sprintf fixes fmt.Sprintf("localhost:%d", port)-style addresses by
// rewriting the format (it stays a constant, for vet's printf check) and
// the arguments. It handles a host at the start of the format and a port
// at its end, written literally or as the last verb's argument.
func (fx *fixer) sprintf(v *resolve.Val, f addrval.Finding) bool {
	call := ast.Unparen(v.Expr).(*ast.CallExpr)
	lit, ok := ast.Unparen(call.Args[0]).(*ast.BasicLit)
	if !ok || lit.Kind != token.STRING {
		return false
	}
	format, _ := strconv.Unquote(lit.Value)
	verbs := resolve.VerbIndexes(format)
	if verbs == nil || len(verbs) != len(call.Args)-1 {
		return false
	}
	newFormat := format
	var appendArg string
	if f.Loopback {
		switch {
		case len(verbs) > 0 && verbs[0] == 0 && len(format) > 2 && format[2] == ':' && (format[1] == 's' || format[1] == 'v'):
			if !fx.replace(v.Parts[1], resolve.RoleHost) {
				return false
			}
		default:
			head, _, _ := strings.Cut(format, "%")
			colon := strings.LastIndexByte(head, ':')
			if colon < 0 {
				return false
			}
			scheme, host, _ := addrval.CutScheme(format[:colon]) // "tcp://localhost:%d"
			if !addrval.HostIsLoopback(strings.Trim(host, "[]")) {
				return false
			}
			newFormat = strings.TrimSuffix(format[:colon], host) + bracket(fx.schemeHost(scheme)) + format[colon:]
		}
	}
	if f.Port {
		colon := strings.LastIndexByte(newFormat, ':')
		if colon < 0 {
			return false
		}
		tail := newFormat[colon+1:]
		newFormat = newFormat[:colon+1] + "%s"
		switch {
		case tail == "%s" || tail == "%v" || tail == "%d":
			last := v.Parts[len(v.Parts)-1]
			port, ok := last.Text()
			if !ok || fx.refsLocalVar(last.Expr) {
				return false
			}
			fx.replaceWith(last.Expr, fx.portExpr(port, last.Expr.Pos()))
		case tail != "" && !strings.Contains(tail, "%"):
			appendArg = fx.portExpr(tail, call.Rparen)
		default:
			return false
		}
	}
	if !strings.Contains(newFormat, "%") && appendArg == "" {
		return false // a constant all-interfaces address: let wrap keep it a call
	}
	if newFormat != format {
		fx.replaceWith(lit, strconv.Quote(newFormat))
	}
	if appendArg != "" {
		fx.edits = append(fx.edits, insertAt(call.Args[len(call.Args)-1].End(), ", "+appendArg))
	}
	return true
}

// wrap is the fix of last resort, for addresses built in ways the fixer
// does not take apart: it keeps the expression and replaces its parts at
// run time with net.SplitHostPort and net.JoinHostPort.
func (fx *fixer) wrap(e ast.Expr, f addrval.Finding) bool {
	var buf bytes.Buffer
	if err := printer.Fprint(&buf, fx.pass.Fset, e); err != nil {
		return false
	}
	netq := fx.qualifier("net", e.Pos())
	osq := ""
	if f.Port {
		osq = fx.qualifier("os", e.Pos())
	}
	for _, q := range []string{netq, osq} {
		if q == "h." || q == "p." || q == "v." {
			return false // would be shadowed by the closure's variables
		}
	}
	host, hostVar := "h", "h"
	if f.Loopback {
		host, hostVar = strconv.Quote(fx.host), "_"
	}
	var body strings.Builder
	fmt.Fprintf(&body, "func() string { %s, p, _ := %sSplitHostPort(%s); ", hostVar, netq, buf.String())
	if f.Port {
		fmt.Fprintf(&body, "if v := %sGetenv(%s); v != \"\" { p = v }", osq, strconv.Quote(fx.env))
		if fx.emptyPort != "" { // an empty address meant this port
			fmt.Fprintf(&body, " else if p == \"\" { p = %s }", strconv.Quote(fx.emptyPort))
		}
		body.WriteString("; ")
	}
	fmt.Fprintf(&body, "return %sJoinHostPort(%s, p) }()", netq, host)
	fx.replaceWith(e, body.String())
	fx.kept = append(fx.kept, e)
	return true
}

// replaceIP replaces a loopback net.IP expression (or the definitions of
// the variable holding it) with the configured unspecified address.
func (fx *fixer) replaceIP(v *resolve.Val) bool {
	return fx.edit(v, func(_ *resolve.Val, e ast.Expr) string {
		if strings.Contains(fx.host, ":") {
			return fx.qualifier("net", e.Pos()) + "IPv6unspecified"
		}
		return fx.qualifier("net", e.Pos()) + "IPv4zero"
	})
}
