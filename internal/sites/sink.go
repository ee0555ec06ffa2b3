package sites

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strconv"
	"strings"

	"github.com/portlint/portlint/internal/addrval"
	"github.com/portlint/portlint/internal/listenapi"
	"github.com/portlint/portlint/internal/resolve"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
)

// SinkFact lists the sinks of a function's parameters, or the one of a
// field: a parameter or field whose value reaches a listen address (func
// Run(addr string) { http.ListenAndServe(addr, nil) }). A constant passed
// to one, here or in an importing package, is a site at that value.
type SinkFact struct{ Sinks []sink }

// sink says how one parameter or field reaches a listen address.
type sink struct {
	Param int // the parameter's index; -1 for a field
	// Port: the value is the port alone (":"+port); Host: the host alone
	// (host+":"+…); neither: the whole address.
	Port, Host bool
	EmptyPort  string // the port an empty address means, if any
	// Default: for a field its reader gives a default where empty (if
	// c.Addr == "" { c.Addr = ":8080" }), that default's values.
	Default []string
	// Starts: a call starts the server (not a constructor's or an
	// option's, which only set the address). Creates: the call returns
	// the listener it makes, served elsewhere (as net.Listen).
	Starts, Creates bool
	API             string // the listen API it reaches in the end: "net.Listen"
	At              string // where that listen site is, "server.go:12"
	// Readers are, for a field, the methods reading it into a listen
	// address; Blocking those serving until the server fails.
	Readers, Blocking []string
	// ParamReaders are, for a field only read through a parameter (func
	// Listen(e Endpoint) { net.Listen(…, e.Addr) }), the functions it
	// reaches the listener through: a value handed to Dial does not.
	ParamReaders []string
	Transport    addrval.Transport // what the listen API listens on
	// NoVariadic: only calls passing no options (opts ...Option) reach
	// the listener, or those passing options writing only OptSafe fields
	// (optionSafeFields).
	NoVariadic bool
	OptSafe    []string
	// Debug: the listener serves only debugging handlers (pprof's),
	// private on loopback by design. Background: it runs in a goroutine
	// of the function (of a field's reader): a call returns meanwhile.
	Debug, Background bool
	pos               token.Pos
}

func (*SinkFact) AFact() {}

func (f *SinkFact) String() string {
	var parts []string
	for _, s := range f.Sinks {
		what := "address"
		switch {
		case s.Port:
			what = "port"
		case s.Host:
			what = "host"
		}
		if s.Param >= 0 {
			what = "param " + strconv.Itoa(s.Param) + " " + what
		}
		if s.NoVariadic {
			what += ", in calls passing no variadic argument,"
		}
		if s.Default != nil {
			what += " (" + strings.Join(s.Default, " or ") + " where empty)"
		}
		parts = append(parts, what+" of "+s.API)
	}
	return "sink: " + strings.Join(parts, ", ")
}

// SinkState is the checker's knowledge of sinks in one package.
type SinkState struct {
	local    map[types.Object][]sink // this package's sinks, by function or field
	order    []types.Object          // in the order learned, for facts
	imported map[types.Object][]sink // other packages' facts, memoized
	// FuncNames and FieldNames filter the walk's calls and field writes:
	// imported sinks, and parameters of function type (relays' callees);
	// ServerNames other packages' functions with a ServerFact.
	FuncNames, FieldNames, ServerNames map[string]bool
	// byName indexes calls and field writes by name (and every literal
	// under literals), built at the first
	// sink learned (uses): packages without one skip it.
	byName   map[string][]inspector.Cursor
	written  map[ast.Expr]bool       // values written to sink fields made sites
	relays   map[*types.Func][]relay // relayCall, in the order found
	relayFns []*types.Func
}

// learner records the package's listen sites and learns its sinks from
// them (params.go, sinkfield.go, relays).
type learner struct {
	pass     *analysis.Pass
	rules    *listenapi.RuleSet
	res      *resolve.Resolver
	serving  *serving
	sinks    *SinkState
	files    []*FileState // the files checked, in order
	lastFile *FileState   // where the last site was recorded
}

func NewSinkState(pass *analysis.Pass) *SinkState {
	st := &SinkState{
		local:       make(map[types.Object][]sink),
		imported:    make(map[types.Object][]sink),
		written:     make(map[ast.Expr]bool),
		relays:      make(map[*types.Func][]relay),
		FuncNames:   make(map[string]bool),
		FieldNames:  make(map[string]bool),
		ServerNames: make(map[string]bool),
	}
	for _, f := range pass.AllObjectFacts() {
		switch f.Fact.(type) {
		case *SinkFact:
			if v, ok := f.Object.(*types.Var); ok && v.IsField() {
				st.FieldNames[v.Name()] = true
			} else {
				st.FuncNames[f.Object.Name()] = true
			}
		case *ServerFact:
			st.ServerNames[f.Object.Name()] = true
		}
	}
	for _, file := range pass.Files {
		for _, d := range file.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok {
				continue
			}
			for _, field := range fd.Type.Params.List {
				if ft, ok := field.Type.(*ast.FuncType); ok && ft.Params != nil && len(ft.Params.List) > 0 {
					for _, n := range field.Names {
						st.FuncNames[n.Name] = true
					}
				}
			}
		}
	}
	return st
}

// addSite records a site whose address has the values strs, traced to
// the callers of a parameter (params.go), and learns the sinks it shows.
func (lr *learner) addSite(s Site, strs []addrval.Str) {
	if s.listenAPI == "" {
		s.listenAPI, s.listenAt = s.API, Position(lr.pass.Fset, s.Expr.Pos())
	}
	if lr.throughParams(s, strs) {
		return
	}
	s.feedsSink = lr.learnSinks(s, strs, false)
	if s.unless != nil && !s.feedsSink {
		// A value options may change: a constant there is a default, not
		// the address. The server is still the program's.
		strs, s.Val = addrval.Unknown(), nil
	}
	if !s.learnOnly {
		s.Alts = addrval.SplitAll(strs, s.EmptyPort)
		if s.Via != nil && !slices.ContainsFunc(s.Alts, func(a addrval.Alt) bool { return !a.Implicit }) {
			return // metrics(""), Config{MetricsAddr: ""}: empty may mean off (if addr == "" { return })
		}
		lr.record(s)
	}
}

// learnResolved learns the sinks of the address an address struct was
// resolved from (a, _ := net.ResolveUDPAddr("udp", addr)). Not a
// string's site, it is not traced to a helper's callers: its parameter
// is a sink even when they are all known.
func (lr *learner) learnResolved(s Site, v *resolve.Val) {
	switch v.Form {
	case resolve.FormVar:
		for _, d := range v.Parts {
			lr.learnResolved(s, d)
		}
	case resolve.FormResolve:
		s.listenAPI, s.listenAt = s.API, Position(lr.pass.Fset, s.Expr.Pos())
		lr.learnSinks(s, v.Parts[0].Strs, true)
	}
}

// learnSinks makes a sink of each parameter or field that is the address,
// its host or its port in strs (with closed, even of functions whose
// callers are all known), and reports whether it made one.
func (lr *learner) learnSinks(s Site, strs []addrval.Str, closed bool) (learned bool) {
	if slices.ContainsFunc(strs, resolve.Configured) {
		// addr := c.Addr; if v := os.Getenv("ADDR"); v != "" { addr = v }:
		// the parameter or field is only the default of a configured
		// value, as a constant in its place would be.
		return false
	}
	var seen []*types.Var
	var params []funcSink
	for _, alt := range strs {
		for _, g := range alt {
			v, ok := addrval.HoleKey(g.Hole).(*types.Var)
			or, isOr := g.Hole.(*addrval.OrElse)
			if !ok || slices.Contains(seen, v) {
				continue
			}
			seen = append(seen, v)
			role := sinkRole(strs, v)
			if role == resolve.RoleNone {
				continue
			}
			sk := sink{
				Param: -1, Port: role == resolve.RolePort, Host: role == resolve.RoleHost,
				Starts: !s.elsewhere, API: s.listenAPI, At: s.listenAt, Transport: s.transport, pos: s.Expr.Pos(),
				Background: s.inGo || lr.serving.inGoStmt(s), Debug: lr.serving.servesDebugOnly(&s),
			}
			if !sk.Port && !sk.Host {
				sk.EmptyPort = s.EmptyPort
			}
			if isOr {
				sk.Default = resolve.FactTexts(or.Else)
			}
			if v.IsField() {
				if s.unless != nil {
					continue // a field has no calls to tell options apart
				}
				if fn := lr.paramReader(s, v); fn != "" {
					sk.ParamReaders = lr.paramCallers(fn, v)
				}
				if fd := lr.res.Decls.FuncDecl(s.Expr.Pos()); fd != nil && fd.Recv != nil {
					sk.Readers = []string{fd.Name.Name}
					if !s.elsewhere && !s.inGo && !lr.serving.inGoStmt(s) {
						sk.Blocking = sk.Readers
					}
				}
				lr.addSink(v, sk)
				learned = true
			} else if o, ok := lr.res.OwnerOf(v); ok && o.Fn != nil && (closed || !lr.res.Callers.Known(o)) {
				if s.unless != nil {
					if variadicParam(o.Fn.Signature()) != s.unless {
						continue
					}
					sk.NoVariadic, sk.OptSafe = true, s.optSafe
				}
				sk.Param = o.Index
				sk.Creates = s.creates && returnsListener(o.Fn)
				params = append(params, funcSink{o.Fn, sk})
				learned = true
			}
		}
	}
	// A host and a port passed apart make one site per call, which the
	// port's sink makes (sinkCallSite): the host's is kept first, quietly.
	var rest []funcSink
	for _, p := range params {
		known := slices.ContainsFunc(lr.sinks.local[p.fn], func(h sink) bool { return h.Param == p.sk.Param })
		if !p.sk.Host || known || !slices.ContainsFunc(params, func(q funcSink) bool { return q.fn == p.fn && q.sk.Port }) {
			rest = append(rest, p)
		} else {
			lr.sinks.keep(p.fn, p.sk)
		}
	}
	for _, p := range rest {
		lr.addSink(p.fn, p.sk)
	}
	return learned
}

// funcSink is a sink of a function's parameter, learned from one site.
type funcSink struct {
	fn *types.Func
	sk sink
}

func (st *SinkState) keep(obj types.Object, sk sink) {
	if st.local[obj] == nil {
		st.order = append(st.order, obj)
	}
	st.local[obj] = append(st.local[obj], sk)
}

// addSink records or widens a sink of this package and makes sites of
// its uses.
func (lr *learner) addSink(obj types.Object, sk sink) {
	have := lr.sinks.local[obj]
	if i := slices.IndexFunc(have, func(h sink) bool { return h.Param == sk.Param }); i >= 0 {
		if have[i].NoVariadic && !sk.NoVariadic {
			// It reaches a listener in every call after all: the calls
			// passing options, skipped so far, are sites too.
			have[i].NoVariadic = false
			if fn, ok := obj.(*types.Func); ok {
				for _, call := range lr.callsOf(fn) {
					if passesVariadic(call, fn.Signature(), 0) {
						lr.sinkCallSite(call, fn, have[i])
					}
				}
			}
		}
		if !slices.Equal(have[i].Default, sk.Default) {
			have[i].Default = resolve.FactTexts(addrval.Unknown()) // readers disagree on what empty means
		}
		have[i].Background = have[i].Background && sk.Background // one blocks: the call does
		have[i].Debug = have[i].Debug && sk.Debug
		if have[i].ParamReaders != nil && sk.ParamReaders != nil {
			have[i].ParamReaders = appendNew(have[i].ParamReaders, sk.ParamReaders...)
		} else {
			have[i].ParamReaders = nil
		}
		if t := have[i].Transport; t != 0 && sk.Transport != 0 {
			have[i].Transport = t | sk.Transport // it reaches both
		} else {
			have[i].Transport = 0
		}
		grown := false
		for _, r := range sk.Readers {
			if !slices.Contains(have[i].Readers, r) {
				have[i].Readers = append(have[i].Readers, r)
				if slices.Contains(sk.Blocking, r) {
					have[i].Blocking = append(have[i].Blocking, r)
				}
				grown = true
			}
		}
		if grown { // a write the readers known so far did not reach may now
			lr.fieldSites(obj.(*types.Var), have[i])
		}
		return
	}
	lr.sinks.keep(obj, sk)
	switch obj := obj.(type) {
	case *types.Func:
		for _, call := range lr.callsOf(obj) {
			lr.sinkCallSite(call, obj, sk)
		}
	case *types.Var:
		lr.fieldSites(obj, sk)
	}
}

// exportSinkFacts exports the sinks other packages can use.
func (lr *learner) exportSinkFacts() {
	for _, obj := range lr.sinks.order {
		if obj.Exported() {
			lr.pass.ExportObjectFact(obj, &SinkFact{Sinks: lr.sinks.local[obj]})
		}
	}
}

// returnsListener reports whether fn returns a listener or a packet
// connection (a result with an Accept or ReadFrom method).
func returnsListener(fn *types.Func) bool {
	if fn == nil {
		return false
	}
	results := fn.Signature().Results()
	for i := range results.Len() {
		t := results.At(i).Type()
		for _, m := range []string{"Accept", "ReadFrom"} {
			if obj, _, _ := types.LookupFieldOrMethod(t, true, fn.Pkg(), m); obj != nil {
				if _, ok := obj.(*types.Func); ok {
					return true
				}
			}
		}
	}
	return false
}
