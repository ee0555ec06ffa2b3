package analyzer

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strconv"
	"strings"

	"github.com/portlint/portlint/internal/addrval"
	"github.com/portlint/portlint/internal/portplan"
	"golang.org/x/tools/go/analysis"
)

// docsURL is the documentation of the checks; each finding links to the
// anchor of its kind.
const docsURL = "https://github.com/portlint/portlint/blob/main/docs/checks.md"

// Categories of findings, also the anchors of their documentation.
const (
	categoryPort         = "port"
	categoryLoopback     = "loopback"
	categoryPortLoopback = "port+loopback"
	categoryCollision    = "collision"
)

var categoryAnchor = map[string]string{
	categoryPort:         "#hard-coded-port",
	categoryLoopback:     "#loopback-host",
	categoryPortLoopback: "#hard-coded-port",
	categoryCollision:    "#port-collision",
}

// reporter turns the package's judged sites into findings, file by file:
// the message, the related information, the fix and its imports, and
// the directives that suppress them. It decides nothing of the plan.
type reporter struct {
	pass  *analysis.Pass
	cfg   *Config
	rules *ruleSet
	allow addrval.Allow
	decls *declCursors
	// fileReport is the file being reported, embedded so that its
	// fields read as the reporter's own.
	*fileReport
}

// fileReport is the reporter's state for one file, made anew for each,
// so that nothing carries over from one file to the next.
type fileReport struct {
	*fileState
	dirs map[int]*directive // the file's //portlint:ignore comments by line
	// declared memoizes whether the file declares a name (see
	// importer.declaredInFile).
	declared map[string]bool
	// pending holds the file's findings until their fixes' import edits
	// can be completed (see finishFile).
	pending []pendingDiag
}

func (rp *reporter) report(s *site) {
	rp.reportClash(s)
	if s.rank == portplan.Debug || s.fromFact {
		return // a loopback debugging endpoint is private by design
	}
	f := addrval.Classify(s.alts)
	if s.rank == portplan.Secondary {
		f.Loopback = false // a loopback host is right for an internal listener
	}
	if !f.Port && !f.Loopback {
		return
	}
	if rp.allow.Allows(s.alts) {
		return
	}
	ports, hosts := addrval.Distinct(s.alts, f)
	note := ""
	if f.Port && s.implicit == nil && anyImplicit(s.alts) {
		note = " (what an empty address means)"
	}
	perElement := s.perElement()
	if !perElement {
		ports += note
	}
	var msg, category string
	switch {
	case perElement:
		category, msg = rp.perElementMessage(s, f, ports, note, hosts)
	case s.rank == portplan.Secondary && s.env == "":
		category = categoryPort
		msg = fmt.Sprintf("%s listens on hard-coded port %s: the platform routes only $%s, to the primary server %s (%s), whose address it shares: give it one of its own",
			s.api, ports, rp.cfg.Env, s.primary.api, position(rp.pass.Fset, s.primary.expr.Pos()))
	case s.rank == portplan.Secondary && s.primary == nil:
		category = categoryPort
		msg = fmt.Sprintf("%s listens on hard-coded port %s: the platform routes only $%s, to a program's primary server; read this listener's port from $%s",
			s.api, ports, rp.cfg.Env, s.env)
	case s.rank == portplan.Secondary:
		category = categoryPort
		msg = fmt.Sprintf("%s listens on hard-coded port %s: the platform routes only $%s, to the primary server %s (%s); read this listener's port from $%s",
			s.api, ports, rp.cfg.Env, s.primary.api, position(rp.pass.Fset, s.primary.expr.Pos()), s.env)
	case f.Port && f.Loopback:
		category = categoryPortLoopback
		msg = fmt.Sprintf("%s listens on hard-coded port %s and loopback host %s: read the port from $%s and bind %s",
			s.api, ports, hosts, rp.cfg.Env, rp.cfg.Host)
	case f.Port:
		category = categoryPort
		msg = fmt.Sprintf("%s listens on hard-coded port %s: read the port from $%s", s.api, ports, rp.cfg.Env)
	default:
		category = categoryLoopback
		msg = fmt.Sprintf("%s listens on loopback host %s, unreachable from outside the container: bind %s",
			s.api, hosts, rp.cfg.Host)
	}
	d := analysis.Diagnostic{
		Pos:      s.expr.Pos(),
		End:      s.expr.End(),
		Category: category,
		Message:  msg,
		URL:      docsURL + categoryAnchor[category],
		Related:  rp.related(s, f),
	}
	if s.primary != nil {
		d.Related = append(d.Related, analysis.RelatedInformation{Pos: s.primary.expr.Pos(), Message: "the primary server listens here"})
	}
	if rp.suppressed(d) {
		return
	}
	var fx *fixer
	// A secondary without a variable shares the primary's address, which
	// the primary's fix edits; servers of one list need one variable each,
	// which a fix of their shared code cannot give.
	if (s.rank != portplan.Secondary || s.env != "") && !perElement {
		msg, fx = rp.fixes(s, f)
	}
	rp.pending = append(rp.pending, pendingDiag{d: d, fixMessage: msg, fx: fx})
}

// perElementMessage is the finding of a listen site that starts a server
// for each element of a list. It has no fix: one variable read in every
// element would make them all take one port, and binding all interfaces
// in each would make two elements on one port collide.
func (rp *reporter) perElementMessage(s *site, f addrval.Finding, ports, note, hosts string) (category, msg string) {
	var what []string
	if f.Port {
		what = append(what, "hard-coded "+plural("port", ports)+note)
	}
	if f.Loopback {
		what = append(what, "loopback "+plural("host", hosts))
	}
	msg = fmt.Sprintf("%s starts one server per element of a list, on %s: ", s.api, strings.Join(what, " and "))
	switch {
	case !f.Port:
		return categoryLoopback, msg + fmt.Sprintf("bind %s in the one the platform should reach", rp.cfg.Host)
	case s.rank != portplan.Secondary:
		msg += fmt.Sprintf("the platform routes only $%s, to one of these servers; read its port from $%s and give each of the others a variable of its own", rp.cfg.Env, rp.cfg.Env)
	case s.primary == nil:
		msg += fmt.Sprintf("the platform routes only $%s, to a program's primary server; give each of these servers a variable of its own", rp.cfg.Env)
	default:
		msg += fmt.Sprintf("the platform routes only $%s, to the primary server %s (%s); give each of these servers a variable of its own",
			rp.cfg.Env, s.primary.api, position(rp.pass.Fset, s.primary.expr.Pos()))
	}
	if f.Loopback {
		return categoryPortLoopback, msg
	}
	return categoryPort, msg
}

// plural names a list of values joined with " or " (addrval.Distinct's
// form) as several: "ports 3000, 3001 and 3002".
func plural(noun, list string) string {
	items := strings.Split(list, " or ")
	if len(items) == 1 {
		return noun + " " + list
	}
	return noun + "s " + strings.Join(items[:len(items)-1], ", ") + " and " + items[len(items)-1]
}

// perElement reports whether a site starts a server for each element of
// a list at once: it is in the body of a range over the list, and starts
// its server in a goroutine (or creates a listener it does not serve
// there). A loop that blocks on each server runs one at a time.
func (s *site) perElement() bool {
	if !s.start.Valid() || !s.inGo && !(s.creates && s.start.Node() == ast.Node(s.call)) {
		return false
	}
	found := false
	s.val.each(func(v *val) { found = found || v.loop != nil && inside(s.start, v.loop) })
	return found
}

// reportClash reports a server that can take the port of an earlier one
// of its function that is still listening.
func (rp *reporter) reportClash(s *site) {
	if s.clash == nil {
		return
	}
	shared := "both on " + s.clashOn
	if strings.HasPrefix(s.clashOn, "$") {
		shared = "both read " + s.clashOn
	}
	d := analysis.Diagnostic{
		Pos:      s.expr.Pos(),
		End:      s.expr.End(),
		Category: categoryCollision,
		URL:      docsURL + categoryAnchor[categoryCollision],
		Message: fmt.Sprintf("%s can take the port of an earlier %s, which is still listening (%s): the second fails with \"address already in use\"",
			s.api, s.clash.api, shared),
		Related: []analysis.RelatedInformation{{Pos: s.clash.expr.Pos(), Message: "the first server listens here"}},
	}
	if !rp.suppressed(d) {
		rp.pending = append(rp.pending, pendingDiag{d: d})
	}
}

// related points at where an offending value was written, when that is
// not at the site itself: a constant, a variable's definition.
func (rp *reporter) related(s *site, f addrval.Finding) []analysis.RelatedInformation {
	var out []analysis.RelatedInformation
	seen := make(map[token.Pos]bool)
	add := func(pos token.Pos, what string) {
		if !pos.IsValid() || seen[pos] || (s.expr.Pos() <= pos && pos < s.expr.End()) {
			return
		}
		seen[pos] = true
		out = append(out, analysis.RelatedInformation{Pos: pos, Message: what})
	}
	if s.via != nil {
		add(s.via.pos, s.via.msg)
	}
	for _, a := range s.alts {
		if f.Port {
			add(a.Port.Pos, fmt.Sprintf("port %s is written here", a.Port.Text))
		}
		if f.Loopback {
			add(a.Host.Pos, fmt.Sprintf("host %q is written here", a.Host.Text))
		}
	}
	return out
}

func anyImplicit(alts []addrval.Alt) bool {
	for _, a := range alts {
		if a.Implicit {
			return true
		}
	}
	return false
}

// pendingDiag is a finding held until its file is done.
type pendingDiag struct {
	d          analysis.Diagnostic
	fixMessage string
	fx         *fixer // nil when no fix
}

// finishFile reports the file's findings in the order they were found,
// now that the import edits of their fixes, which depend on one another
// (see fix_imports.go), can be completed.
func (rp *reporter) finishFile() {
	if len(rp.pending) == 0 {
		return
	}
	imports := rp.importRemovals()
	for i, p := range rp.pending {
		if p.fx != nil {
			edits := append(append([]analysis.TextEdit(nil), p.fx.edits...), p.fx.imp.edits()...)
			for _, im := range p.fx.others {
				edits = append(edits, im.edits()...)
			}
			edits = append(edits, imports[i]...)
			p.d.SuggestedFixes = []analysis.SuggestedFix{{Message: p.fixMessage, TextEdits: dedupeEdits(edits)}}
		}
		rp.pass.Report(p.d)
	}
}

func dedupeEdits(edits []analysis.TextEdit) []analysis.TextEdit {
	type key struct {
		pos, end token.Pos
		text     string
	}
	seen := make(map[key]bool, len(edits))
	out := edits[:0]
	for _, e := range edits {
		k := key{e.Pos, e.End, string(e.NewText)}
		if !seen[k] {
			seen[k] = true
			out = append(out, e)
		}
	}
	return out
}

// apiName spells a function as users write it: "http.ListenAndServe",
// "gin.Engine.Run".
func apiName(fn *types.Func) string {
	name := fn.Name()
	if recv := fn.Signature().Recv(); recv != nil {
		t := recv.Type()
		if p, ok := t.(*types.Pointer); ok {
			t = p.Elem()
		}
		if n, ok := types.Unalias(t).(*types.Named); ok {
			name = n.Obj().Name() + "." + name
		}
	}
	if fn.Pkg() != nil {
		name = fn.Pkg().Name() + "." + name
	}
	return name
}

// shortType turns "net/http.Server" into "http.Server" (the package's
// last path element, skipping a major-version suffix such as /v5).
func shortType(typ string) string {
	dot := lastDot(typ)
	path, name := typ[:dot], typ[dot:]
	elems := strings.Split(path, "/")
	last := elems[len(elems)-1]
	if len(elems) > 1 && len(last) > 1 && last[0] == 'v' && strings.Trim(last[1:], "0123456789") == "" {
		last = elems[len(elems)-2]
	}
	return last + name
}

// position is a short "main.go:12" for messages.
func position(fset *token.FileSet, pos token.Pos) string {
	p := fset.Position(pos)
	name := p.Filename
	if i := strings.LastIndexAny(name, `/\`); i >= 0 {
		name = name[i+1:]
	}
	return name + ":" + strconv.Itoa(p.Line)
}
