package report

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/token"
	"slices"
	"strings"

	"github.com/portlint/portlint/internal/addrval"
	"github.com/portlint/portlint/internal/portplan"
	"github.com/portlint/portlint/internal/resolve"
	"github.com/portlint/portlint/internal/sites"
	"golang.org/x/tools/go/analysis"
)

// DocsURL is the documentation of the checks; each finding links to the
// anchor of its kind.
const DocsURL = "https://github.com/portlint/portlint/blob/main/docs/checks.md"

// Categories of findings, also the anchors of their documentation.
const (
	CategoryPort         = "port"
	CategoryLoopback     = "loopback"
	CategoryPortLoopback = "port+loopback"
	CategoryCollision    = "collision"
)

// categoryOf is the category of a site's finding (a secondary's is its
// port: its host is not reported).
var categoryOf = map[addrval.Finding]string{
	{Port: true}:                 CategoryPort,
	{Loopback: true}:             CategoryLoopback,
	{Port: true, Loopback: true}: CategoryPortLoopback,
}

var categoryAnchor = map[string]string{
	CategoryPort:         "#hard-coded-port",
	CategoryLoopback:     "#loopback-host",
	CategoryPortLoopback: "#hard-coded-port",
	CategoryCollision:    "#port-collision",
	categoryEnvName:      "#misspelt-port-variable",
	categoryDirective:    "#suppressing-a-finding",
}

// finding is a diagnostic of category at n, linked to its documentation.
func finding(n ast.Node, category, msg string) analysis.Diagnostic {
	return analysis.Diagnostic{Pos: n.Pos(), End: n.End(), Category: category, Message: msg, URL: DocsURL + categoryAnchor[category]}
}

// Reporter reports the package's judged sites, file by file.
type Reporter struct {
	Pass        *analysis.Pass
	Env         string // the platform's variable (-env)
	Host        string // the host a fix binds (-host)
	Allow       addrval.Allow
	Decls       *resolve.DeclCursors
	*fileReport // the file being reported
}

// fileReport is the reporter's state for one file, made anew for each.
type fileReport struct {
	*sites.FileState
	dirs map[int]*directive // the file's //portlint:ignore comments by line
	imp  *fileImports       // see imports
	// pending holds the file's findings until their fixes' import edits
	// can be completed (see finishFile).
	pending []pendingDiag
}

// ReportFile reports a file's sites, its misspelt port variables and its
// directives.
func (rp *Reporter) ReportFile(fs *sites.FileState) {
	rp.fileReport = &fileReport{FileState: fs, dirs: Directives(rp.Pass.Fset, fs.File)}
	if !fs.Skip {
		for _, s := range fs.Sites {
			rp.report(s)
		}
		rp.reportMisspeltEnv()
		rp.finishFile()
	}
	ReportDirectives(rp.Pass, rp.dirs)
}

func (rp *Reporter) report(s *sites.Site) {
	rp.reportClash(s)
	if s.Rank == portplan.Debug || s.Rank == portplan.Default || s.FromFact {
		// A loopback debugging endpoint is private by design; a default
		// stands in for a configured server where its value is absent.
		return
	}
	f := addrval.Classify(s.Alts)
	if s.Rank == portplan.Secondary {
		f.Loopback = false // a loopback host is right for an internal listener
	}
	if !f.Any() || rp.Allow.Allows(s.Alts) {
		return
	}
	// What it listens on, and what to do about it. Servers of one list
	// need one variable each, which a fix of their shared code cannot give.
	perElement := s.PerElement()
	ports, hosts := addrval.Distinct(s.Alts, f)
	on := make([]string, 0, 2)
	if f.Port {
		on = append(on, plural("hard-coded port", ports, perElement))
		if s.Implicit == nil && slices.ContainsFunc(s.Alts, func(a addrval.Alt) bool { return a.Implicit }) {
			on[0] += " (what an empty address means)"
		}
	}
	if f.Loopback {
		on = append(on, plural("loopback host", hosts, perElement))
	}
	var advice string
	switch {
	case perElement && !f.Port:
		advice = fmt.Sprintf("bind %s in the one the platform should reach", rp.bindHost(s))
	case perElement && s.Rank != portplan.Secondary:
		advice = fmt.Sprintf("the platform routes only $%s, to one of these servers; read its port from $%s and give each of the others a variable of its own", rp.Env, rp.Env)
	case perElement:
		advice = rp.routed(s) + "; give each of these servers a variable of its own"
	case s.Rank == portplan.Secondary && s.Env == "":
		advice = rp.routed(s) + ", whose address it shares: give it one of its own"
	case s.Rank == portplan.Secondary:
		advice = fmt.Sprintf("%s; read this listener's port from $%s", rp.routed(s), s.Env)
	case f.Port && f.Loopback:
		advice = fmt.Sprintf("read the port from $%s and bind %s", rp.Env, rp.bindHost(s))
	case f.Port:
		advice = "read the port from $" + rp.Env
	default:
		on[0] += ", unreachable from outside the container"
		advice = "bind " + rp.bindHost(s)
	}
	verb := " listens on "
	if perElement {
		verb = " starts one server per element of a list, on "
	}
	msg := s.API + verb + strings.Join(on, " and ") + ": " + advice
	d := finding(s.Expr, categoryOf[f], msg)
	d.Related = rp.related(s, f)
	if s.Primary != nil {
		d.Related = append(d.Related, analysis.RelatedInformation{Pos: s.Primary.Expr.Pos(), Message: "the primary server listens here"})
	}
	if rp.suppressed(d) {
		return
	}
	var fx *fixer
	// A secondary without a variable shares the primary's address, which
	// the primary's fix edits.
	if (s.Rank != portplan.Secondary || s.Env != "") && !perElement {
		msg, fx = rp.fixes(s, f)
	}
	rp.pending = append(rp.pending, pendingDiag{d: d, fixMessage: msg, fx: fx})
}

// routed says where the platform sends a secondary server's traffic.
func (rp *Reporter) routed(s *sites.Site) string {
	if s.Primary == nil {
		return fmt.Sprintf("the platform routes only $%s, to a program's primary server", rp.Env)
	}
	return fmt.Sprintf("the platform routes only $%s, to the primary server %s (%s)", rp.Env, s.Primary.API, sites.Position(rp.Pass.Fset, s.Primary.Expr.Pos()))
}

// plural names a list of values joined with " or " (addrval.Distinct's
// form) as several ones: "ports 3000, 3001 and 3002".
func plural(noun, list string, several bool) string {
	if !several || !strings.Contains(list, " or ") {
		return noun + " " + list
	}
	items := strings.Split(list, " or ")
	return noun + "s " + strings.Join(items[:len(items)-1], ", ") + " and " + items[len(items)-1]
}

// reportClash reports a server that can take the port of an earlier one
// of its function that is still listening.
func (rp *Reporter) reportClash(s *sites.Site) {
	if s.Clash == nil {
		return
	}
	shared := "both on " + s.ClashOn
	if strings.HasPrefix(s.ClashOn, "$") {
		shared = "both read " + s.ClashOn
	}
	d := finding(s.Expr, CategoryCollision, fmt.Sprintf("%s can take the port of an earlier %s, which is still listening (%s): the second fails with \"address already in use\"",
		s.API, s.Clash.API, shared))
	d.Related = []analysis.RelatedInformation{{Pos: s.Clash.Expr.Pos(), Message: "the first server listens here"}}
	if !rp.suppressed(d) {
		rp.pending = append(rp.pending, pendingDiag{d: d})
	}
}

// related points at where an offending value was written, away from the
// site: a constant, a variable's definition.
func (rp *Reporter) related(s *sites.Site, f addrval.Finding) []analysis.RelatedInformation {
	var out []analysis.RelatedInformation
	add := func(pos token.Pos, what string) {
		seen := slices.ContainsFunc(out, func(r analysis.RelatedInformation) bool { return r.Pos == pos })
		if pos.IsValid() && !seen && (pos < s.Expr.Pos() || pos >= s.Expr.End()) {
			out = append(out, analysis.RelatedInformation{Pos: pos, Message: what})
		}
	}
	if s.Via != nil {
		add(s.Via.Pos, s.Via.Msg)
	}
	for _, a := range s.Alts {
		if f.Port {
			add(a.Port.Pos, fmt.Sprintf("port %s is written here", a.Port.Text))
		}
		if f.Loopback {
			add(a.Host.Pos, fmt.Sprintf("host %q is written here", a.Host.Text))
		}
	}
	return out
}

// imports returns the file's imports, listed once for all its fixes.
func (rp *Reporter) imports() *fileImports {
	if rp.imp == nil {
		rp.imp = newFileImports(rp.Pass, rp.File)
	}
	return rp.imp
}

// pendingDiag is a finding held until its file is done.
type pendingDiag struct {
	d          analysis.Diagnostic
	fixMessage string
	fx         *fixer // nil when no fix
}

// dedupeEdits drops the repeats of an edit (an import that several parts
// of a fix add), in place. A fix has a few edits.
func dedupeEdits(edits []analysis.TextEdit) []analysis.TextEdit {
	out := edits[:0]
	for _, e := range edits {
		if !slices.ContainsFunc(out, func(o analysis.TextEdit) bool {
			return o.Pos == e.Pos && o.End == e.End && bytes.Equal(o.NewText, e.NewText)
		}) {
			out = append(out, e)
		}
	}
	return out
}
