package analyzer

import (
	"go/ast"
	"go/token"
	"go/types"
	"strconv"
	"strings"

	"github.com/portlint/portlint/internal/addrval"
	"github.com/portlint/portlint/internal/portplan"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"
)

// site is one listen site: an address expression and its resolved value.
type site struct {
	api   string        // the API as users write it: "http.ListenAndServe", "http.Server.Addr"
	expr  ast.Expr      // the address expression as written at the site
	alts  []addrval.Alt // every address that can reach it
	val   *val          // how the resolver found them, for the fix
	shape addrShape
	// emptyPort is the port an empty address means ("80" for
	// http.ListenAndServe), or "".
	emptyPort string
	// implicit is set for a server started without any address (see
	// implicit.go); expr is then the call that starts it.
	implicit *implicitSite
	// via is set when expr is a value passed to a parameter or written
	// to a field that reaches the listen site (params.go, sink.go), with
	// its role in the address; listenAPI is the listen API reached.
	via       *via
	paramRole role
	listenAPI string
	listenAt  string // where listenAPI is called, "server.go:12"
	// learnOnly marks a site on a network that may be unix: it only
	// teaches sinks, and is neither judged nor reported.
	learnOnly bool
	transport portplan.Transport // what it listens on, for collisions
	inTest    bool               // in a _test.go file (checked with -test)
	// feedsSink marks a site whose address made a sink of a parameter or
	// field: its server is the one each use of the sink starts.
	feedsSink bool
	// fieldWrite marks a value written to a sink field (sink.go);
	// elsewhere, a site whose server is started by another call, later
	// (a constructor's or an option's argument, a field's value).
	fieldWrite, elsewhere bool

	// What the program analysis needs (see program.go): the call that
	// listens or starts the server (the caller's call for a parameter),
	// whether it only creates a listener (net.Listen), its handler
	// argument, and for a server field, the server variable and the
	// methods that start it.
	call      *ast.CallExpr
	creates   bool
	handler   ast.Expr
	server    *types.Var
	listeners []string
	program
	// fromFact marks a call of another package's function that starts a
	// server (serverFact): judged with the others, never reported itself.
	fromFact   bool
	factPorts  []string
	factBlocks bool
}

// via says where a value passed on reaches a listener, for the finding's
// related information.
type via struct {
	pos token.Pos
	msg string
}

func run(pass *analysis.Pass, cfg *Config, rules *ruleSet) (any, error) {
	exportReturnFacts(pass)
	listens := importsAny(pass.Pkg, rules.pkgs)
	readsEnv := importsDirectly(pass.Pkg, rules.envPkgs)
	var sinks *sinkState
	if listens {
		sinks = newSinkState(pass)
	}
	// Without -include-tests only the package's own files can hold a
	// site: a test variant (p [p.test], p_test) whose tests alone name a
	// listen API or read the environment takes the fast path, as p does.
	if (listens || readsEnv) && !mentionsSites(checkedFiles(pass, cfg), rules, sinks, readsEnv) {
		listens, readsEnv = false, false
	}
	if !listens && !readsEnv {
		// Fast path: nothing here can listen or read $PORT; only stale
		// directives can be reported.
		for _, file := range pass.Files {
			if cfg.IncludeTests || !isTestFile(pass, file) {
				reportDirectives(pass, directives(pass.Fset, file))
			}
		}
		return nil, nil
	}
	// Built here rather than required from inspect.Analyzer: go vet runs
	// the pass on every dependency for its facts, and most packages stop
	// at the fast path above.
	insp := inspector.New(pass.Files)
	c := &checker{
		pass:  pass,
		cfg:   cfg,
		rules: rules,
		res:   newResolver(pass, insp, rules),
	}
	c.sinks = sinks
	c.serving = &serving{info: pass.TypesInfo, pkg: pass.Pkg, rules: rules, decls: c.res.decls, vars: c.res.vars, root: insp.Root()}
	filter := []ast.Node{(*ast.CallExpr)(nil)}
	if listens {
		filter = append(filter, (*ast.CompositeLit)(nil), (*ast.AssignStmt)(nil))
	}
	// Every file is known before the walk: a sink learned in one finds its
	// uses (c.uses) and records its sites (c.record) in those not walked
	// yet too (miekg/dns listens in a file before its Server's).
	for fileCur := range insp.Root().Children() {
		file := fileCur.Node().(*ast.File)
		if cfg.IncludeTests || !isTestFile(pass, file) {
			c.files = append(c.files, &fileState{file: file, fileCur: fileCur, test: isTestFile(pass, file)})
		}
	}
	c.learn = &learner{pass: pass, rules: rules, res: c.res, serving: c.serving, sinks: sinks, files: c.files}
	// Record every site of every file, judge them as a program, then
	// report file by file.
	for _, fs := range c.files {
		// os.Getenv needs an import of os in the file itself, while a
		// server's methods can be called without importing its package.
		fileReadsEnv := readsEnv && fileImports(fs.file, rules.envPkgs)
		if fs.skip = !listens && !fileReadsEnv; fs.skip {
			continue
		}
		c.fileState = fs
		for cur := range fs.fileCur.Preorder(filter...) {
			switch n := cur.Node().(type) {
			case *ast.CallExpr:
				// Reject by the name the call is written with before any
				// type lookup: almost no call is a listener.
				name := calledName(n)
				if listens && (rules.names[name] || c.sinks.funcNames[name]) {
					c.call(cur, n)
				}
				if fileReadsEnv && rules.envNames[name] {
					c.envRead(cur, n)
				}
			case *ast.CompositeLit:
				c.compositeLit(cur, n)
			case *ast.AssignStmt:
				c.assign(n)
			}
		}
	}
	if listens {
		c.learn.followRelays()
		c.learn.dropJudged()
	}
	for _, fs := range c.files {
		sortSites(fs.sites)
	}
	c.judge(c.files)
	if listens {
		c.learn.exportSinkFacts()
	}
	allow, _ := addrval.ParseAllow(cfg.Allow) // validated when set
	rp := &reporter{pass: pass, cfg: cfg, rules: rules, allow: allow, decls: c.res.decls}
	for _, fs := range c.files {
		rp.fileReport = &fileReport{fileState: fs, dirs: directives(pass.Fset, fs.file), declared: make(map[string]bool)}
		if !fs.skip {
			for _, s := range fs.sites {
				rp.report(s)
			}
			rp.reportMisspeltEnv()
			rp.finishFile()
		}
		reportDirectives(pass, rp.dirs)
	}
	return nil, nil
}

// fileImports reports whether file imports one of paths.
func fileImports(file *ast.File, paths map[string]bool) bool {
	for _, spec := range file.Imports {
		if path, err := strconv.Unquote(spec.Path.Value); err == nil && paths[path] {
			return true
		}
	}
	return false
}

func importsDirectly(pkg *types.Package, paths map[string]bool) bool {
	for _, imp := range pkg.Imports() {
		if paths[imp.Path()] {
			return true
		}
	}
	return false
}

// importsAny reports whether pkg imports, directly or not, any of paths.
// Only such packages can mention a listen API's types.
func importsAny(pkg *types.Package, paths map[string]bool) bool {
	seen := make(map[*types.Package]bool)
	var visit func(p *types.Package) bool
	visit = func(p *types.Package) bool {
		for _, imp := range p.Imports() {
			if seen[imp] {
				continue
			}
			seen[imp] = true
			if paths[imp.Path()] || visit(imp) {
				return true
			}
		}
		return false
	}
	return paths[pkg.Path()] || visit(pkg)
}

// checker holds the state of the pass over one package.
type checker struct {
	pass    *analysis.Pass
	cfg     *Config
	rules   *ruleSet
	res     *resolver
	serving *serving
	sinks   *sinkState
	learn   *learner
	files   []*fileState // the files checked, in order
	// fileState is the file being checked, embedded so that its fields
	// read as the checker's own.
	*fileState
}

// fileState is the checker's state for one file, made anew for each, so
// that nothing carries over from one file to the next.
type fileState struct {
	file    *ast.File
	fileCur inspector.Cursor // file's cursor
	// envReads are the file's environment reads with a constant name.
	envReads []envRead
	// sites are the file's listen sites, judged with the package's
	// (program.go) before they are reported; skip is set on a file that
	// cannot hold any.
	sites []*site
	skip  bool
	test  bool // a _test.go file
}

func (c *checker) call(cur inspector.Cursor, call *ast.CallExpr) {
	callee := typeutil.Callee(c.pass.TypesInfo, call)
	if v, ok := callee.(*types.Var); ok && c.sinks != nil {
		c.learn.relayCall(call, v)
		return
	}
	fn, ok := callee.(*types.Func)
	if !ok || fn.Pkg() == nil {
		return
	}
	if !c.rules.pkgs[fn.Pkg().Path()] || !c.rules.names[fn.Name()] {
		c.learn.sinkCall(call, fn) // no rule names it: spare FullName's allocations
		return
	}
	if ir, ok := c.rules.implicit[fn.FullName()]; ok {
		c.implicitCall(cur, call, fn, ir)
		return
	}
	rule, ok := c.rules.calls[fn.FullName()]
	if !ok {
		c.learn.sinkCall(call, fn)
		return
	}
	if isMethodExpr(c.pass.TypesInfo, call) {
		// (*gin.Engine).Run(r, addr): the receiver is the first argument.
		rule.addr++
		if rule.network >= 0 {
			rule.network++
		}
	}
	if !fixedArg(call, rule.addr) {
		return // r.Run() reads $PORT itself; r.Run(addrs...) is unknown
	}
	learnOnly, over := false, rule.transport
	if rule.network >= 0 {
		var kind networkKind
		switch kind, over = c.networkOf(call.Args[rule.network]); kind {
		case netUnix:
			return
		case netUnknown:
			// It may be a unix socket: no site, but the address is still
			// a sink's (network, addr string), whose callers may pass a
			// host and port.
			learnOnly = true
		}
	}
	addr := call.Args[rule.addr]
	s := site{api: apiName(fn), expr: addr, shape: rule.shape, emptyPort: rule.emptyPort, call: call, creates: rule.network >= 0, learnOnly: learnOnly, transport: over}
	if rule.handler > 0 && rule.handler < len(call.Args) {
		s.handler = call.Args[rule.handler]
	}
	switch rule.shape {
	case shapeString:
		s.val = c.res.str(addr)
		c.learn.addSite(s, s.val.strs)
		return
	case shapeIPPort, shapeIPOnly:
		if learnOnly {
			return
		}
		s.val = c.res.ipPort(addr, rule.shape == shapeIPPort)
		s.alts = s.val.addrs
		if rule.shape == shapeIPPort {
			c.learn.learnResolved(s, s.val)
		}
	}
	c.learn.record(s)
}

// fixedArg reports whether a call has an i-th argument of its own: not
// missing, not a slice spread into a variadic parameter (f(a, rest...)
// still passes a).
func fixedArg(call *ast.CallExpr, i int) bool {
	return i < len(call.Args) && !(call.Ellipsis.IsValid() && i == len(call.Args)-1)
}

func isMethodExpr(info *types.Info, call *ast.CallExpr) bool {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	s := info.Selections[sel]
	return s != nil && s.Kind() == types.MethodExpr
}

type networkKind uint8

const (
	netIP      networkKind = iota // every value a known non-unix network
	netUnix                       // some value a unix network: paths, not ports
	netUnknown                    // may be either
)

// networkOf classifies the values of a network argument, and says which
// transports they listen on.
func (c *checker) networkOf(e ast.Expr) (networkKind, portplan.Transport) {
	kind, over := netIP, portplan.Transport(0)
	for i, alt := range c.res.str(e).strs {
		t, ok := alt.Text()
		switch {
		case ok && strings.HasPrefix(t, "unix"):
			return netUnix, 0
		case !ok:
			kind = netUnknown
		}
		if i == 0 {
			over = portplan.TransportOf(t)
		} else if over != portplan.TransportOf(t) {
			over = 0
		}
	}
	return kind, over
}

func isTestFile(pass *analysis.Pass, file *ast.File) bool {
	return strings.HasSuffix(pass.Fset.File(file.Pos()).Name(), "_test.go")
}

// calledName is the name a call is written with: Listen in net.Listen,
// Run in r.Run and (*gin.Engine).Run.
func calledName(call *ast.CallExpr) string {
	switch fun := ast.Unparen(call.Fun).(type) {
	case *ast.Ident:
		return fun.Name
	case *ast.SelectorExpr:
		return fun.Sel.Name
	}
	return ""
}
