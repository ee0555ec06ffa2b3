package sites

import (
	"go/ast"
	"go/build"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/portlint/portlint/internal/addrval"
	"github.com/portlint/portlint/internal/listenapi"
	"github.com/portlint/portlint/internal/resolve"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"
)

// Site is one listen site: an address expression and its resolved value.
type Site struct {
	API       string        // the API as users write it: "http.ListenAndServe", "http.Server.Addr"
	Expr      ast.Expr      // the address expression as written at the site
	Alts      []addrval.Alt // every address that can reach it
	Val       *resolve.Val  // how the resolver found them, for the fix
	Shape     listenapi.AddrShape
	EmptyPort string        // the port an empty address means ("80"), or ""
	Implicit  *ImplicitSite // a server started without any address; Expr is its start
	IPv6Only  bool          // on tcp6 or udp6: all interfaces are ::, not 0.0.0.0
	// Via is set when Expr is a value passed to a parameter or written to
	// a field that reaches the listen API listenAPI (params.go, sink.go).
	Via       *via
	ParamRole resolve.Role
	listenAPI string
	listenAt  string   // where listenAPI is called, "server.go:12"
	learnOnly bool     // on a network that may be unix: it only teaches sinks
	HostArg   ast.Expr // for a port passed apart, the host's argument, which a fix edits
	// unless is the variadic parameter whose elements may change the
	// server (for _, o := range opts { o(srv) }): only calls passing none
	// reach the listener.
	unless    *types.Var
	optSafe   []string          // with unless: the fields options may write (optionSafeFields)
	transport addrval.Transport // what it listens on, for collisions
	inTest    bool              // in a _test.go file (checked with -test)
	debug     bool              // reaches a listener of debugging handlers only (sink.Debug)
	feedsSink bool              // its address made a sink: each use starts its server
	// fieldWrite: a value written to a sink field; elsewhere: its server
	// is started later by another call (a constructor's or an option's
	// argument, a field's value).
	fieldWrite, elsewhere bool

	// For the program (program.go): the call that listens or starts the
	// server (the caller's, for a parameter), whether it only creates a
	// listener, its handler, and a server field's variable and listeners.
	call      *ast.CallExpr
	creates   bool
	handler   ast.Expr
	server    *types.Var
	listeners []string
	startedBy *ast.CallExpr // for a construction, the call that starts what it built (joinStarts)
	program
	// FromFact marks a call of another package's function with a
	// ServerFact: judged on the fact's ports, never reported itself.
	FromFact bool
}

// via says where a value passed on reaches a listener, for the finding's
// related information.
type via struct {
	Pos token.Pos
	Msg string
}

// fileImports reports whether file imports one of paths.
func fileImports(file *ast.File, paths map[string]bool) bool {
	return slices.ContainsFunc(file.Imports, func(spec *ast.ImportSpec) bool {
		path, err := strconv.Unquote(spec.Path.Value)
		return err == nil && paths[path]
	})
}

func ImportsDirectly(pkg *types.Package, paths map[string]bool) bool {
	return slices.ContainsFunc(pkg.Imports(), func(imp *types.Package) bool { return paths[imp.Path()] })
}

// ImportsSinks reports whether a non-std direct import has an exported
// function, method or field with a sink or server fact (not every fact
// of every dependency: as costly as the rest of the pass on std).
func ImportsSinks(pass *analysis.Pass) bool {
	var sink SinkFact
	var server ServerFact
	has := func(obj types.Object) bool {
		return pass.ImportObjectFact(obj, &sink) || pass.ImportObjectFact(obj, &server)
	}
	for _, imp := range pass.Pkg.Imports() {
		if StdPackage(imp.Path(), pass.Pkg.Path()) {
			continue
		}
		scope := imp.Scope()
		for _, name := range scope.Names() {
			if !token.IsExported(name) {
				continue
			}
			switch obj := scope.Lookup(name).(type) {
			case *types.Func:
				if has(obj) {
					return true
				}
			case *types.TypeName:
				named, ok := obj.Type().(*types.Named)
				if !ok {
					continue
				}
				for m := range named.Methods() {
					if has(m) {
						return true
					}
				}
				if st, ok := named.Underlying().(*types.Struct); ok {
					for f := range st.Fields() {
						if has(f) {
							return true
						}
					}
				}
			}
		}
	}
	return false
}

var stdPackages sync.Map // path -> bool, when GOROOT tells

// StdPackage reports whether path is a package in GOROOT. Without one (a
// -trimpath build run with $GOROOT unset), a path whose first element has
// no dot, unlike that of self, the package asking, is taken for one.
func StdPackage(path, self string) bool {
	first, _, _ := strings.Cut(path, "/")
	if strings.Contains(first, ".") {
		return false
	}
	if v, ok := stdPackages.Load(path); ok {
		return v.(bool)
	}
	if root := build.Default.GOROOT; root != "" {
		if _, err := os.Stat(filepath.Join(root, "src", "fmt")); err == nil {
			_, err := os.Stat(filepath.Join(root, "src", filepath.FromSlash(path)))
			stdPackages.Store(path, err == nil)
			return err == nil
		}
	}
	selfFirst, _, _ := strings.Cut(self, "/")
	return first != selfFirst
}

// checker is the pass over one package.
type checker struct {
	*learner
	env string // the platform's variable (-env)
	*FileState
}

// FileState is the checker's state for one file.
type FileState struct {
	File     *ast.File
	FileCur  inspector.Cursor
	EnvReads []envRead // environment reads with a constant name
	Sites    []*Site   // judged with the package's (program.go), then reported
	Skip     bool      // the file cannot hold any
	test     bool      // a _test.go file
}

func (c *checker) call(cur inspector.Cursor, call *ast.CallExpr) {
	callee := typeutil.Callee(c.pass.TypesInfo, call)
	if v, ok := callee.(*types.Var); ok && c.sinks != nil {
		c.relayCall(call, v)
		return
	}
	fn, ok := callee.(*types.Func)
	if !ok || fn.Pkg() == nil {
		return
	}
	r, ir := c.rules.RuleOf(fn)
	if ir != nil {
		c.implicitCall(cur, call, fn, *ir)
		return
	}
	if r == nil {
		for _, sk := range c.sinksOf(fn) {
			if fn.Pkg() != c.pass.Pkg { // addSink finds this package's calls
				c.sinkCallSite(call, fn, sk)
			}
		}
		return
	}
	rule := *r
	variadic := -1 // the variadic parameter's argument, if any
	if fn.Signature().Variadic() {
		variadic = fn.Signature().Params().Len() - 1
	}
	if isMethodExpr(c.pass.TypesInfo, call) {
		variadic++ // (*gin.Engine).Run(r, addr): the receiver comes first
		rule.Addr++
		if rule.Network >= 0 {
			rule.Network++
		}
	}
	if !fixedArg(call, rule.Addr) {
		if rule.EnvIfNone != "" && len(call.Args) == rule.Addr && !call.Ellipsis.IsValid() {
			// r.Run() reads $PORT itself: a server of the program there.
			c.record(Site{API: apiName(fn), Expr: call, call: call, Alts: []addrval.Alt{{HasPort: true}}, program: program{keys: []string{"$" + rule.EnvIfNone}}})
		}
		return // r.Run(addrs...) is unknown
	}
	learnOnly, over, v6 := false, rule.Transport, false
	if rule.Network >= 0 {
		// One that may be unix makes no site, but the address may still
		// make a sink (network, addr string).
		var unix bool
		if unix, learnOnly, over, v6 = c.networkOf(call.Args[rule.Network]); unix {
			return
		}
	}
	addrs := []ast.Expr{call.Args[rule.Addr]}
	switch {
	case rule.List && rule.Addr == variadic: // evio.Serve(events, addr ...string)
		addrs = call.Args[rule.Addr:]
		if call.Ellipsis.IsValid() {
			addrs = addrs[:len(addrs)-1] // Serve(ev, a, rest...): rest is not seen
		}
	case rule.List: // gnet.Rotate(h, addrs []string)
		addrs = sliceElems(call.Args[rule.Addr])
	}
	first := true
	for _, addr := range addrs {
		s := Site{API: apiName(fn), Expr: addr, Shape: rule.Shape, EmptyPort: rule.EmptyPort, call: call, creates: rule.Network >= 0, learnOnly: learnOnly, transport: over, IPv6Only: v6}
		// The addresses of one call listen at once: the call serves the
		// first, and the others beside it.
		s.inGo = !first
		if rule.Handler > 0 && rule.Handler < len(call.Args) {
			s.handler = call.Args[rule.Handler]
		}
		if c.callSite(s, rule, addr) {
			first = false
		}
	}
}

// callSite records the site of one address of a listen call but a unix
// socket's ("unix:///tmp/app.sock"), and reports whether it did.
func (c *checker) callSite(s Site, rule listenapi.CallRule, addr ast.Expr) bool {
	switch rule.Shape {
	case listenapi.ShapeString:
		s.Val = c.res.Str(addr)
		if addrval.OnlyUnix(s.Val.Strs) {
			return false
		}
		c.addSite(s, s.Val.Strs)
		return true
	case listenapi.ShapeIPPort, listenapi.ShapeIPOnly:
		if s.learnOnly {
			return true
		}
		ipPort := rule.Shape == listenapi.ShapeIPPort
		// &net.TCPAddr{IP: net.ParseIP(host), Port: port} is traced to the
		// callers as a string is; so is net.TCPAddrFromAddrPort(
		// netip.AddrPortFrom(…)), reported without a fix.
		if strs, ok := c.res.AddrStructs().IPPortStrs(addr); ok && ipPort {
			s.Val = c.res.AddrStructs().IPPort(addr, true)
			c.addSite(s, strs)
			return true
		}
		if strs, ok := c.res.AddrStructs().AddrPortStrs(addr); ok && ipPort {
			s.Val = &resolve.Val{Strs: strs, Expr: addr, Index: -1}
			c.addSite(s, strs)
			return true
		}
		s.Val = c.res.AddrStructs().IPPort(addr, ipPort)
		s.Alts = s.Val.Addrs
		if ipPort {
			c.learnResolved(s, s.Val)
		}
	}
	c.record(s)
	return true
}

// fixedArg reports whether a call has an i-th argument of its own, not a
// slice spread into a variadic parameter (f(a, rest...) passes a).
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

// networkOf says whether a network argument may be unix (paths, not
// ports), or is not known, the transports it listens on, and whether it
// is IPv6 only (tcp6, udp6), which cannot bind an IPv4 host.
func (c *checker) networkOf(e ast.Expr) (unix, unknown bool, over addrval.Transport, v6 bool) {
	v6 = true
	for i, alt := range c.res.Str(e).Strs {
		t, ok := alt.Text()
		switch {
		case ok && strings.HasPrefix(t, "unix"):
			return true, false, 0, false
		case !ok:
			unknown = true
		}
		v6 = v6 && ok && strings.HasSuffix(t, "6")
		if i == 0 {
			over = addrval.TransportOf(t)
		} else if over != addrval.TransportOf(t) {
			over = 0
		}
	}
	return false, unknown, over, v6
}

func IsTestFile(pass *analysis.Pass, file *ast.File) bool {
	return strings.HasSuffix(pass.Fset.File(file.Pos()).Name(), "_test.go")
}

// CalledName is the name a call is written with: Listen in net.Listen,
// Run in r.Run and (*gin.Engine).Run.
func CalledName(call *ast.CallExpr) string {
	switch fun := ast.Unparen(call.Fun).(type) {
	case *ast.Ident:
		return fun.Name
	case *ast.SelectorExpr:
		return fun.Sel.Name
	}
	return ""
}
