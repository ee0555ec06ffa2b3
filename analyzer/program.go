package analyzer

import (
	"fmt"
	"go/ast"
	"slices"
	"strings"

	"github.com/portlint/portlint/internal/addrval"
	"golang.org/x/tools/go/ast/inspector"
)

// A platform routes one port, $PORT, to a program. So the sites of a
// package are judged together, once all are recorded:
//   - In a command (package main), the primary servers are those main
//     waits on: started outside any goroutine. Only their fixes read the
//     -env variable. Every other hard-coded listener gets a variable of its
//     own, named after the program (metricsPort → METRICS_PORT), and keeps
//     its host. Where every server is started in a goroutine, the first
//     one in the files' order is the primary.
//   - A loopback listener that serves net/http/pprof or expvar through
//     http.DefaultServeMux is a debugging endpoint: never reported, so
//     never made public by a fix.
//   - Two servers of one function that run at the same time and can take
//     the same port (the same environment variable, constant or default)
//     collide: the second fails with "address already in use".
// A library cannot know its program: its servers are ranked per function,
// and one whose names say it is auxiliary (metrics, debug, admin…) is
// never its primary. Collisions and debugging endpoints are found in every
// package.

// rank is a site's place in its program.
type rank uint8

const (
	primaryServer rank = iota
	secondaryServer
	debugServer
)

// program is what the judgement of the whole package says of one site.
type program struct {
	rank    rank
	env     string // secondaryServer: the variable its fix reads
	primary *site  // secondaryServer: the program's first primary
	clash   *site  // an earlier server that can hold the same port
	clashOn string // what they share: "port 8080", "$PORT"
	start   inspector.Cursor
	fn      *ast.FuncDecl // the function declaration holding start, or nil
	inGo    bool          // started in a goroutine
	aux     int8          // auxiliary's answer: 0 unknown, 1 yes, -1 no
	keys    []string      // the ports it can take (portKeys)
}

// record keeps a site for judgement, with the file that holds it (a site
// found through a sink can be in any file). A site in a file not checked
// (a test) is dropped.
func (c *checker) record(s site) {
	pos := s.expr.Pos()
	fs := c.lastFile
	if fs == nil || pos < fs.file.FileStart || pos > fs.file.FileEnd {
		i := slices.IndexFunc(c.files, func(fs *fileState) bool { return fs.file.FileStart <= pos && pos <= fs.file.FileEnd })
		if i < 0 {
			return
		}
		fs = c.files[i]
		c.lastFile = fs
	}
	s.inTest = fs.test
	fs.sites = append(fs.sites, &s)
}

// judge ranks the sites of all files and finds collisions.
func (c *checker) judge(files []*fileState) {
	if c.pass.Pkg.Name() == "main" {
		c.factSites(files)
	}
	var all []*site
	for _, fs := range files {
		all = append(all, fs.sites...)
	}
	if len(all) == 0 {
		return
	}
	debug := c.importsDebugHandlers()
	for _, s := range all {
		s.start = c.startOf(s)
		if d, ok := c.res.decls.decl(s.start.Node().Pos()); ok {
			s.fn, _ = d.Node().(*ast.FuncDecl)
		}
		s.keys = c.portKeys(s)
	}
	c.indexGoCalls(all)
	for _, s := range all {
		// Another package's server that does not block runs in the
		// background once the call returns.
		// So does one started later by a call the pass cannot place.
		// A helper's site is in one when the helper starts its server in
		// a go statement (set by throughParams).
		s.inGo = s.inGo || c.inGoroutine(s.start) || s.fromFact && !s.factBlocks || s.elsewhere
		if debug && c.servesDebugOnly(s) && addrval.Classify(s.alts).Loopback {
			s.rank = debugServer
		}
	}
	c.findClashes(all)
	if c.pass.Pkg.Name() == "main" {
		c.rankServers(all)
		return
	}
	// A library's functions are not one program: each is ranked alone,
	// so that no two servers of one function get $PORT.
	byFunc := make(map[*ast.FuncDecl][]*site)
	var order []*ast.FuncDecl
	for _, s := range all {
		fn := s.fn
		if byFunc[fn] == nil {
			order = append(order, fn)
		}
		byFunc[fn] = append(byFunc[fn], s)
	}
	for _, fn := range order {
		c.rankServers(byFunc[fn])
	}
	c.exportServerFacts(all)
}

// rankServers picks the primaries among sites and names the variables of
// the other listeners. A library cannot know its program: there, a
// server whose names say it is an auxiliary one (package metrics,
// serveDebug, adminAddr) is never taken for the primary.
func (c *checker) rankServers(all []*site) {
	library := c.pass.Pkg.Name() != "main"
	var primaries, others []*site
	// A server already reading the platform's variable in a goroutine is
	// the one the platform reaches, and runs beside all the others: no fix
	// may give another the same variable.
	envKey := "$" + c.cfg.Env
	reader := slices.IndexFunc(all, func(s *site) bool {
		return s.inGo && s.rank != debugServer && !s.inTest && slices.Contains(s.keys, envKey)
	})
	for i, s := range all {
		switch {
		case reader >= 0:
			if i == reader {
				primaries = append(primaries, s)
			} else if s.rank != debugServer && !s.inTest {
				others = append(others, s)
			}
		case s.rank == debugServer, s.inTest:
			// A test's server is not the program's.
		case s.feedsSink && !library:
			// In a command every use of the sink is a site of its own,
			// with the address it passes: this one is theirs, never the
			// primary.
			others = append(others, s)
		case s.fromFact && s.inGo:
		case s.inGo, !library && s.creates && s.start.Node() == ast.Node(s.call),
			library && addrval.Classify(s.alts).Any() && c.auxiliary(s):
			// Started in a goroutine, or a command's listener whose
			// serving is not seen: not what main waits on.
			others = append(others, s)
		default:
			primaries = append(primaries, s)
		}
	}
	if len(primaries) == 0 {
		// Every server runs in a goroutine: the first is the primary.
		i := slices.IndexFunc(others, func(s *site) bool {
			return !s.fromFact && !s.feedsSink && !(library && addrval.Classify(s.alts).Any() && c.auxiliary(s))
		})
		if i >= 0 {
			primaries = others[i : i+1]
			others = slices.Delete(slices.Clone(others), i, i+1)
		}
	}
	if !library && len(primaries) > 1 {
		primaries, others = c.placedPrimaries(primaries, others)
	}
	var primary *site
	if len(primaries) > 0 {
		primary = primaries[0]
	}
	taken := map[string]bool{c.cfg.Env: true}
	byOrigin := make(map[string]string) // sites whose port is written in the same places share a variable
	for _, p := range primaries {
		byOrigin[portOrigin(p)] = "" // a secondary sharing the primary's address gets no fix of its own
	}
	for _, s := range others {
		if s.fromFact {
			continue
		}
		s.rank, s.primary = secondaryServer, primary
		if !addrval.Classify(s.alts).Port {
			continue // nothing to fix: a loopback host is right for it
		}
		origin := portOrigin(s)
		if env, ok := byOrigin[origin]; ok && origin != "" {
			s.env = env
			continue
		}
		s.env = uniqueName(c.envName(s), s, taken)
		taken[s.env] = true
		byOrigin[origin] = s.env
	}
	// A site that feeds a sink is the server its uses start: the primary,
	// when one of them is, so that its own loopback host is reported.
	for _, s := range others {
		if s.feedsSink && slices.ContainsFunc(primaries, func(p *site) bool { return p.via != nil && p.via.pos == s.expr.Pos() }) {
			s.rank, s.primary, s.env = primaryServer, nil, ""
		}
	}
}

// placedPrimaries keeps, of a command's primaries, those whose start is
// seen (a call), and of the others only one, the first whose names do not
// say it is auxiliary, when no start is seen. A server whose start is not
// seen (built by a helper, held in a package variable) may run beside the
// others, and two servers reading $PORT at once make a program that does
// not start: the rest get variables of their own.
func (c *checker) placedPrimaries(primaries, others []*site) ([]*site, []*site) {
	// startOf falls back to the address itself when no start is seen.
	placed := func(s *site) bool {
		n := s.start.Node()
		return s.implicit != nil || n.Pos() != s.expr.Pos() || n.End() != s.expr.End()
	}
	if !slices.ContainsFunc(primaries, func(s *site) bool { return !placed(s) }) {
		return primaries, others
	}
	var kept []*site
	for _, s := range primaries {
		if placed(s) {
			kept = append(kept, s)
		}
	}
	if len(kept) == 0 {
		i := max(0, slices.IndexFunc(primaries, func(s *site) bool { return !c.auxiliary(s) }))
		kept = primaries[i : i+1]
	}
	for _, s := range primaries {
		if !slices.Contains(kept, s) {
			others = append(others, s)
		}
	}
	return kept, others
}

// portOrigin identifies where a site's port is written: two sites fed
// by the same definition are fixed by one edit, so they must read one
// variable.
func portOrigin(s *site) string {
	var b strings.Builder
	for _, a := range s.alts {
		fmt.Fprintf(&b, "%d,", a.Port.Pos)
	}
	return b.String()
}

// each calls f for v and every val it was built from.
func (v *val) each(f func(*val)) {
	seen := make(map[*val]bool)
	var walk func(*val)
	walk = func(v *val) {
		if v == nil || seen[v] {
			return
		}
		seen[v] = true
		f(v)
		for _, p := range v.parts {
			walk(p)
		}
	}
	walk(v)
}
