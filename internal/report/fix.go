package report

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"go/version"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/portlint/portlint/internal/addrval"
	"github.com/portlint/portlint/internal/listenapi"
	"github.com/portlint/portlint/internal/portplan"
	"github.com/portlint/portlint/internal/resolve"
	"github.com/portlint/portlint/internal/sites"
	"golang.org/x/tools/go/analysis"
)

// fixer accumulates the edits of one suggested fix.
type fixer struct {
	pass      *analysis.Pass
	env       string      // the variable the fix reads the port from
	host      string      // the host the fix binds
	imps      []*importer // of the finding's file, then of others the fix edits (see qualifier)
	modern    bool        // the file may use cmp.Or (Go ≥ 1.22)
	edits     []analysis.TextEdit
	wholeAddr bool   // a port's fix writes a whole address, binding the configured host
	emptyPort string // the port an empty address means at this site
	// kept are expressions an edit replaces but writes back (the wrap
	// fix): their imports stay in use.
	kept []ast.Expr
}

// fixes computes the fix of a finding; its import edits are completed
// when the whole file is done (see finishFile).
func (rp *Reporter) fixes(s *sites.Site, f addrval.Finding) (string, *fixer) {
	fx := &fixer{
		pass:      rp.Pass,
		env:       rp.Env,
		host:      rp.bindHost(s),
		imps:      []*importer{newImporter(rp.Pass, rp.imports())},
		modern:    FileAtLeast(rp.Pass.TypesInfo.FileVersions[rp.File], "go1.22"),
		emptyPort: s.EmptyPort,
	}
	if s.Rank == portplan.Secondary {
		// Its own variable; and the host it has: an internal listener
		// need not be reachable from outside.
		fx.env = s.Env
		if h := s.Alts[0].Host; h.Known && h.Text != "" {
			fx.host = h.Text
		}
	}
	var ok bool
	switch {
	case severalAtOnce(s.Val): // one fix would give them one port: none
	case s.Implicit != nil:
		ok = fx.implicitFix(s.Implicit, s.Alts[0].Port.Text, s.ParamRole)
	case s.Via != nil && s.ParamRole == resolve.RolePort:
		// The argument is the port: replace it, keeping its type.
		ok = f.Port && (!f.Loopback || fx.bindHostArg(s.HostArg)) && fx.replace(s.Val, resolve.RolePort)
	case s.Via != nil && s.ParamRole == resolve.RoleHost:
		// The argument is a loopback host, its port configured.
		ok = !f.Port && fx.bindHostArg(s.Expr)
	case s.Via != nil && s.ParamRole != resolve.RoleAddress:
	default:
		ok = fx.address(s.Val, s.Shape, f)
	}
	if !ok {
		return "", nil
	}
	var what []string
	if f.Port {
		what = append(what, fmt.Sprintf("read port from $%s (default %s)", fx.env, s.Alts[0].Port.Text))
	}
	if f.Loopback || f.Port && fx.wholeAddr && fx.host == rp.bindHost(s) {
		what = append(what, "bind "+fx.host)
	}
	return strings.Join(what, ", "), fx
}

// bindHost is the host a fix binds: -host, or :: for a server on IPv6
// alone (tcp6), which an IPv4 host cannot serve.
func (rp *Reporter) bindHost(s *sites.Site) string {
	if s.IPv6Only && !strings.Contains(rp.Host, ":") {
		return "::"
	}
	return rp.Host
}

// severalAtOnce reports whether v holds two addresses of several
// constructions (config.Default().Listeners' Addr: ":7000" and ":8080")
// that may each run at once: one fix for both would give them one port.
func severalAtOnce(v *resolve.Val) bool {
	found := false
	v.Each(func(p *resolve.Val) {
		found = found || p.Many && len(slices.DeleteFunc(slices.Clone(p.Strs), addrval.Str.Empty)) > 1
	})
	return found
}

// address fixes an address whose value the resolver found to be v.
func (fx *fixer) address(v *resolve.Val, shape listenapi.AddrShape, f addrval.Finding) bool {
	zero := func(p *resolve.Val) bool { return p.Form == resolve.FormZero }
	switch {
	case v.Form == resolve.FormVar, v.Form == resolve.FormCall && len(v.Parts) > 0,
		v.Form == resolve.FormField && len(v.Parts) > 0 && !slices.ContainsFunc(v.Parts, zero):
		// Every definition of a variable, so that it stays used and every
		// site sharing it is fixed alike (none: a cycle; a zero value
		// cannot reach a reported site); a helper's returns; where a local
		// struct's field is written.
		return len(v.Parts) > 0 && !slices.ContainsFunc(v.Parts, func(d *resolve.Val) bool {
			switch {
			case zero(d):
				return false
			case d.Index >= 0 && d.Form == resolve.FormResolve: // a, err := net.ResolveTCPAddr(network, ADDR)
				if shape == listenapi.ShapeIPOnly {
					return !fx.replace(d.Parts[0], resolve.RoleHostBare)
				}
				return !fx.address(d.Parts[0], listenapi.ShapeString, f)
			}
			return d.Index >= 0 && (d.Form != resolve.FormCall || len(d.Parts) == 0) || !fx.address(d, shape, f)
		})
	case shape == listenapi.ShapeString:
		return fx.stringAddr(v, f)
	}
	// &net.TCPAddr{IP: …, Port: …} and its UDP and IP kin.
	return v.Form == resolve.FormIPAddr && fx.hostPort(v.Parts[0], v.Parts[1], f, fx.replaceIP)
}

func (fx *fixer) stringAddr(v *resolve.Val, f addrval.Finding) bool {
	e := ast.Unparen(v.Expr)
	if !resolve.IsBasic(fx.pass.TypesInfo.TypeOf(e), types.IsString) {
		return false
	}
	if scheme, port, ok := fx.constPort(v); ok && f.Port && !fx.refsLocalVar(e) {
		fx.wholeAddr = true
		if scheme != "" { // "tcp://0.0.0.0:" + …, which G102 does not match either
			fx.replaceWith(e, strconv.Quote(scheme+"://"+bracket(fx.schemeHost(scheme))+":")+" + "+fx.portExpr(port, e.Pos()))
		} else {
			// JoinHostPort rather than "0.0.0.0:" + …: gosec's G102 flags a
			// concatenation whose left operand starts with 0.0.0.0, [::] or ':'.
			fx.replaceWith(e, fx.allInterfaces(port, e.Pos()))
		}
		return true
	}
	reset := fx.mark()
	var ok bool
	switch v.Form {
	case resolve.FormConcat:
		ok = fx.concat(v, f)
	case resolve.FormJoin:
		bindHost := func(host *resolve.Val) bool { return fx.replace(host, resolve.RoleHostBare) }
		ok = fx.hostPort(v.Parts[0], v.Parts[1], f, bindHost)
	case resolve.FormSprintf:
		ok = fx.sprintf(v, f)
	}
	if ok {
		return true
	}
	reset()
	if addrval.HasScheme(v.Strs) {
		return false // net.SplitHostPort would reject it at run time
	}
	return fx.wrap(e, f)
}

// constPort returns the port of v, and the scheme before its address,
// when every value of v is the same constant address.
func (fx *fixer) constPort(v *resolve.Val) (scheme, port string, ok bool) {
	t, ok := v.Text()
	if !ok {
		return "", "", false
	}
	if t == "" && fx.emptyPort != "" {
		return "", fx.emptyPort, true // http.ListenAndServe("", h)
	}
	scheme, t, _ = addrval.CutScheme(t)
	_, port, ok = addrval.SplitHostPort(t)
	return scheme, port, ok
}

// replace edits v, which stands for role, or the definitions of the
// variable v names. A port's default is the value it replaces (each
// definition's own), and a port of an integer type stays one.
func (fx *fixer) replace(v *resolve.Val, role resolve.Role) bool {
	return fx.edit(v, func(d *resolve.Val, e ast.Expr) string {
		t, r, want := fx.pass.TypesInfo.TypeOf(e), role, types.IsString
		if r == resolve.RolePort && fx.nameable(t, types.IsInteger) {
			r, want = resolve.RolePortInt, types.IsInteger
		}
		port, known := d.Text()
		switch {
		case !fx.nameable(t, want):
			return ""
		case r == resolve.RoleHost:
			return `"` + bracket(fx.host) + `"`
		case r == resolve.RoleHostBare:
			return strconv.Quote(fx.host)
		case !known:
			return ""
		case r == resolve.RolePort:
			return fx.converted(t, fx.portExpr(port, e.Pos()), e.Pos())
		case r == resolve.RoleColonPort:
			return fx.converted(t, `":" + `+fx.portExpr(strings.TrimPrefix(port, ":"), e.Pos()), e.Pos())
		default:
			return fx.portIntExpr(port, t, e.Pos())
		}
	})
}

// edit replaces v with what write makes of it ("" where it cannot), or
// every definition of the variable v names, which must all be single
// values the fix can rewrite in place.
func (fx *fixer) edit(v *resolve.Val, write func(*resolve.Val, ast.Expr) string) bool {
	if v.Form == resolve.FormVar {
		return len(v.Parts) > 0 && // none: a cycle
			!slices.ContainsFunc(v.Parts, func(d *resolve.Val) bool { return !d.Definition() || !fx.edit(d, write) })
	}
	e := ast.Unparen(v.Expr)
	text := ""
	if !fx.refsLocalVar(e) { // else the variable could be left unused
		text = write(v, e)
	}
	if text != "" {
		fx.replaceWith(e, text)
	}
	return text != ""
}

// refsLocalVar reports whether e mentions a function-local variable,
// which replacing e might leave unused, or a call's result.
func (fx *fixer) refsLocalVar(e ast.Expr) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.Ident:
			if v, ok := fx.pass.TypesInfo.Uses[n].(*types.Var); ok && !v.IsField() && v.Pkg() == fx.pass.Pkg && v.Parent() != v.Pkg().Scope() {
				found = true
			}
		case *ast.SelectorExpr:
			// config.Load().Listen: replacing it would drop the call.
			_, call := ast.Unparen(n.X).(*ast.CallExpr)
			found = call && fx.pass.TypesInfo.Selections[n] != nil
		}
		return !found
	})
	return found
}

// bindHostArg replaces a constant host passed apart from its port (the
// caller's argument) with the configured host.
func (fx *fixer) bindHostArg(e ast.Expr) bool {
	return e != nil && fx.pass.TypesInfo.Types[e].Value != nil && fx.replace(&resolve.Val{Expr: e}, resolve.RoleHostBare)
}

// replaceWith replaces e with text, unless an edit of the fix already
// replaces it (a definition that several values share).
func (fx *fixer) replaceWith(e ast.Expr, text string) {
	if slices.ContainsFunc(fx.edits, func(ed analysis.TextEdit) bool { return ed.Pos == e.Pos() && ed.End > ed.Pos }) {
		return
	}
	fx.edits = append(fx.edits, analysis.TextEdit{Pos: e.Pos(), End: e.End(), NewText: []byte(text)})
}

// mark returns a function that undoes what the fix does from now on
// (an attempt that failed), but for kept expressions and used imports.
func (fx *fixer) mark() (reset func()) {
	edits := len(fx.edits)
	var added []map[string]string // of each of fx.imps
	for _, im := range fx.imps {
		added = append(added, maps.Clone(im.added))
	}
	return func() {
		fx.edits, fx.imps = fx.edits[:edits], fx.imps[:len(added)]
		for i, im := range fx.imps {
			im.added = added[i]
		}
	}
}

// qualifier returns the prefix for package path, named as its last
// element (the standard library's), in code written at pos.
func (fx *fixer) qualifier(path string, pos token.Pos) string {
	return fx.importerAt(pos).qualifier(path, defaultName(path), pos)
}

// importerAt returns the importer of the file holding pos, so that an
// import is added where the code uses it (a definition a fix edits in
// another file).
func (fx *fixer) importerAt(pos token.Pos) *importer {
	in := func(f *ast.File) bool { return f.FileStart <= pos && pos <= f.FileEnd }
	for _, im := range fx.imps {
		if in(im.file) {
			return im
		}
	}
	for _, f := range fx.pass.Files {
		if in(f) {
			im := newImporter(fx.pass, newFileImports(fx.pass, f))
			fx.imps = append(fx.imps, im)
			return im
		}
	}
	return fx.imps[0]
}

// FileAtLeast reports whether a file's Go version is at least v; an
// unknown version is the toolchain's own, the newest.
func FileAtLeast(fileVersion, v string) bool {
	return fileVersion == "" || version.Compare(fileVersion, v) >= 0
}
