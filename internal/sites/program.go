package sites

import (
	"go/ast"
	"slices"

	"github.com/portlint/portlint/internal/addrval"
	"github.com/portlint/portlint/internal/portplan"
	"golang.org/x/tools/go/ast/inspector"
)

// A platform routes one port, $PORT, to a program. So the sites of a
// package are judged together, once all are recorded: judge describes
// each site's server as plain data (where it starts, whether main waits
// on it, its address, its names) and internal/portplan decides the plan:
// the primary, each secondary's variable, the collisions. The rules are
// there, each a row of its table test.

// program is what the judgement of the whole package says of one site,
// and what the analyzer found for it.
type program struct {
	Rank    portplan.Rank
	Env     string // secondary: the variable its fix reads
	Primary *Site  // secondary: the program's first primary
	Clash   *Site  // an earlier server that can hold the same port
	ClashOn string // what they share: "port 8080", "$PORT"
	start   inspector.Cursor
	fn      *ast.FuncDecl // the function declaration holding start, or nil
	inGo    bool          // started in a goroutine
	keys    []string      // the ports it can take (portKeys)
}

// record keeps a site for judgement, with the file that holds it (a site
// found through a sink can be in any file). A site in a file not checked
// (a test) is dropped.
func (lr *learner) record(s Site) {
	pos := s.Expr.Pos()
	fs := lr.lastFile
	if fs == nil || pos < fs.File.FileStart || pos > fs.File.FileEnd {
		i := slices.IndexFunc(lr.files, func(fs *FileState) bool { return fs.File.FileStart <= pos && pos <= fs.File.FileEnd })
		if i < 0 {
			return
		}
		fs = lr.files[i]
		lr.lastFile = fs
	}
	s.inTest = fs.test
	fs.Sites = append(fs.Sites, &s)
}

// judge plans the sites of all files as one program (a library's, per
// function) and finds collisions.
func (c *checker) judge(files []*FileState) {
	command := c.pass.Pkg.Name() == "main"
	if command {
		c.factSites(files)
	}
	var all []*Site
	for _, fs := range files {
		all = append(all, fs.Sites...)
	}
	if len(all) == 0 {
		return
	}
	debug := c.serving.importsDebugHandlers()
	for _, s := range all {
		s.start = c.serving.startOf(s)
		if d, ok := c.res.Decls.Decl(s.start.Node().Pos()); ok {
			s.fn, _ = d.Node().(*ast.FuncDecl)
		}
		s.keys = c.serving.portKeys(s)
	}
	if command {
		all = c.joinStarts(all)
	}
	c.serving.indexGoCalls(all)
	servers := make([]portplan.Server, len(all))
	for i, s := range all {
		// A server started later by a call the pass cannot place runs in
		// the background. A helper's site is in one when the helper
		// starts its server in a go statement (set by throughParams).
		s.inGo = s.inGo || c.serving.inGoroutine(s.start) || s.elsewhere
		servers[i] = c.serving.planned(s, debug)
	}
	var taken []string
	for _, fs := range files {
		for _, r := range fs.EnvReads {
			taken = append(taken, r.Name)
		}
	}
	roles := portplan.Decide(portplan.Program{Command: command, Package: c.pass.Pkg.Name(), Env: c.env, Taken: taken, Servers: servers})
	for i, s := range all {
		r := roles[i]
		s.Rank, s.Env, s.ClashOn = r.Rank, r.Env, r.ClashOn
		if r.Primary >= 0 {
			s.Primary = all[r.Primary]
		}
		if r.Clash >= 0 {
			s.Clash = all[r.Clash]
		}
	}
	if !command {
		c.exportServerFacts(all)
	}
}

// planned describes a site's server for the plan. debug says whether the
// package imports debugging handlers.
func (sv *serving) planned(s *Site, debug bool) portplan.Server {
	start := s.start.Node()
	ps := portplan.Server{
		At:       s.Expr.Pos(),
		Start:    start.Pos(),
		Branches: sv.branches(s.start),
		Reads:    sv.reads(s.Val),
		// startOf falls back to the address itself when no start is seen.
		Placed:       s.Implicit != nil || start.Pos() != s.Expr.Pos() || start.End() != s.Expr.End(),
		Background:   s.inGo,
		ListenerOnly: s.creates && start == ast.Node(s.call),
		Elsewhere:    s.elsewhere,
		FeedsSink:    s.feedsSink,
		FromFact:     s.FromFact,
		Debug:        debug && sv.servesDebugOnly(s) && addrval.Classify(s.Alts).Loopback,
		Test:         s.inTest,
		Alts:         s.Alts,
		Ports:        s.keys,
		Transport:    addrval.ListensOn(s.Alts, s.transport),
		Names:        sv.names(s),
	}
	if s.fn != nil {
		ps.Func = s.fn.Pos()
	}
	if s.Via != nil {
		ps.Via = s.Via.Pos
	}
	return ps
}
