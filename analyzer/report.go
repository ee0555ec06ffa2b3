package analyzer

import (
	"fmt"
	"go/token"
	"slices"
	"strconv"
	"strings"

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
)

var categoryAnchor = map[string]string{
	categoryPort:         "#hard-coded-port",
	categoryLoopback:     "#loopback-host",
	categoryPortLoopback: "#hard-coded-port",
}

// finding is what a site is reported for, if anything.
type finding struct {
	port, loopback bool
}

// classify decides what a site is reported for: the port, or the
// loopback host, only when every alternative has it constant, so that an
// address that may come from the environment is never reported. An
// ephemeral or invalid port silences the site.
func classify(alts []addrAlt) finding {
	if len(alts) == 0 {
		return finding{}
	}
	f := finding{port: true, loopback: true}
	for _, a := range alts {
		if a.hasPort && a.port.known && portIsEphemeral(a.port.text) {
			return finding{} // an internal listener on any free port
		}
		if a.hasPort && a.port.known && !validPort(a.port.text) {
			return finding{} // not a port net.Listen accepts: the address cannot work
		}
		if !a.hasPort || !a.port.known {
			f.port = false
		}
		if !a.host.known || !hostIsLoopback(a.host.text) {
			f.loopback = false
		}
	}
	return f
}

func (c *checker) report(s site) {
	f := classify(s.alts)
	if !f.port && !f.loopback {
		return
	}
	if c.allowed(s.alts) {
		return
	}
	ports, hosts := distinct(s.alts, f)
	if f.port && s.implicit == nil && anyImplicit(s.alts) {
		ports += " (what an empty address means)"
	}
	var msg, category string
	switch {
	case f.port && f.loopback:
		category = categoryPortLoopback
		msg = fmt.Sprintf("%s listens on hard-coded port %s and loopback host %s: read the port from $%s and bind %s",
			s.api, ports, hosts, c.cfg.Env, c.cfg.Host)
	case f.port:
		category = categoryPort
		msg = fmt.Sprintf("%s listens on hard-coded port %s: read the port from $%s", s.api, ports, c.cfg.Env)
	default:
		category = categoryLoopback
		msg = fmt.Sprintf("%s listens on loopback host %s, unreachable from outside the container: bind %s",
			s.api, hosts, c.cfg.Host)
	}
	d := analysis.Diagnostic{
		Pos:      s.expr.Pos(),
		End:      s.expr.End(),
		Category: category,
		Message:  msg,
		URL:      docsURL + categoryAnchor[category],
		Related:  c.related(s, f),
	}
	if c.suppressed(d) {
		return
	}
	msg, fx := c.fixes(s, f)
	c.pending = append(c.pending, pendingDiag{d: d, fixMessage: msg, fx: fx})
}

// distinct lists the offending ports and quoted hosts, "8080 or 8081".
func distinct(alts []addrAlt, f finding) (ports, hosts string) {
	var ps, hs []string
	add := func(list []string, v string) []string {
		if slices.Contains(list, v) {
			return list
		}
		return append(list, v)
	}
	for _, a := range alts {
		if f.port {
			ps = add(ps, a.port.text)
		}
		if f.loopback {
			hs = add(hs, strconv.Quote(a.host.text))
		}
	}
	return strings.Join(ps, " or "), strings.Join(hs, " or ")
}

// related points at where an offending value was written, when that is
// not at the site itself: a constant, a variable's definition.
func (c *checker) related(s site, f finding) []analysis.RelatedInformation {
	var out []analysis.RelatedInformation
	seen := make(map[token.Pos]bool)
	add := func(pos token.Pos, what string) {
		if !pos.IsValid() || seen[pos] || (s.expr.Pos() <= pos && pos < s.expr.End()) {
			return
		}
		seen[pos] = true
		out = append(out, analysis.RelatedInformation{Pos: pos, Message: what})
	}
	if s.listenSite != nil {
		add(s.listenSite.Pos(), "the address reaches the listener here")
	}
	for _, a := range s.alts {
		if f.port {
			add(a.port.pos, fmt.Sprintf("port %s is written here", a.port.text))
		}
		if f.loopback {
			add(a.host.pos, fmt.Sprintf("host %q is written here", a.host.text))
		}
	}
	return out
}

func anyImplicit(alts []addrAlt) bool {
	for _, a := range alts {
		if a.implicit {
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
func (c *checker) finishFile() {
	if len(c.pending) == 0 {
		return
	}
	imports := c.importRemovals()
	for i, p := range c.pending {
		if p.fx != nil {
			edits := append(append([]analysis.TextEdit(nil), p.fx.edits...), p.fx.imp.edits()...)
			for _, im := range p.fx.others {
				edits = append(edits, im.edits()...)
			}
			edits = append(edits, imports[i]...)
			p.d.SuggestedFixes = []analysis.SuggestedFix{{Message: p.fixMessage, TextEdits: dedupeEdits(edits)}}
		}
		c.pass.Report(p.d)
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
