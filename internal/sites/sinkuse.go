package sites

import (
	"go/ast"
	"go/types"
	"slices"
	"strings"

	"github.com/portlint/portlint/internal/addrval"
	"github.com/portlint/portlint/internal/listenapi"
	"github.com/portlint/portlint/internal/resolve"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"
)

// uses returns the package's calls of functions, keyed elements and
// assigned selectors named name (the callers check the object).
// literals is the key of uses under which every composite literal is.
const literals = "{}"

func (lr *learner) uses(name string) []inspector.Cursor {
	if lr.sinks.byName == nil {
		lr.sinks.byName = make(map[string][]inspector.Cursor)
		for _, fs := range lr.files {
			if fs.Skip {
				continue
			}
			for cur := range fs.FileCur.Preorder((*ast.CallExpr)(nil), (*ast.KeyValueExpr)(nil), (*ast.AssignStmt)(nil), (*ast.CompositeLit)(nil)) {
				switch n := cur.Node().(type) {
				case *ast.CompositeLit:
					lr.sinks.byName[literals] = append(lr.sinks.byName[literals], cur)
				case *ast.CallExpr:
					if name := CalledName(n); name != "" {
						lr.sinks.byName[name] = append(lr.sinks.byName[name], cur)
					}
				case *ast.KeyValueExpr:
					if id, ok := n.Key.(*ast.Ident); ok && cur.ParentEdgeKind() == edge.CompositeLit_Elts {
						lr.sinks.byName[id.Name] = append(lr.sinks.byName[id.Name], cur)
					}
				case *ast.AssignStmt:
					for i, lhs := range n.Lhs {
						if sel, ok := ast.Unparen(lhs).(*ast.SelectorExpr); ok {
							lr.sinks.byName[sel.Sel.Name] = append(lr.sinks.byName[sel.Sel.Name], cur.ChildAt(edge.AssignStmt_Lhs, i))
						}
					}
				}
			}
		}
	}
	return lr.sinks.byName[name]
}

// callsOf returns the calls of a function of this package.
func (lr *learner) callsOf(fn *types.Func) []*ast.CallExpr {
	var calls []*ast.CallExpr
	for _, cur := range lr.uses(fn.Name()) {
		if call, ok := cur.Node().(*ast.CallExpr); ok && typeutil.Callee(lr.pass.TypesInfo, call) == fn {
			calls = append(calls, call)
		}
	}
	return calls
}

// sinksOf returns the sinks of a function or field.
func (lr *learner) sinksOf(obj types.Object) []sink {
	if obj.Pkg() == lr.pass.Pkg {
		return lr.sinks.local[obj]
	}
	if s, ok := lr.sinks.imported[obj]; ok {
		return s
	}
	var f SinkFact
	if obj.Pkg() != nil && lr.pass.ImportObjectFact(obj, &f) {
		lr.sinks.imported[obj] = f.Sinks
	} else {
		lr.sinks.imported[obj] = nil
	}
	return lr.sinks.imported[obj]
}

func (lr *learner) sinkCallSite(call *ast.CallExpr, fn *types.Func, sk sink) {
	i := sk.Param
	if isMethodExpr(lr.pass.TypesInfo, call) {
		i++
	}
	if !fixedArg(call, i) || lr.overridden(call) {
		return
	}
	if sk.NoVariadic && passesVariadic(call, fn.Signature(), i-sk.Param) &&
		!lr.optionsLeave(call, fn.Signature().Params().Len()-1+i-sk.Param, sk.OptSafe) {
		return // an option may set the address
	}
	if other := partner(lr.sinksOf(fn), sk); other != nil && fixedArg(call, other.Param+i-sk.Param) {
		// A host and a port passed apart: one site for both, at the port
		// when it is constant, else at the host.
		if sk.Host {
			return // made with the port's
		}
		lr.apartSite(half{apiName(fn), call.Args[other.Param+i-sk.Param], fn, *other}, half{apiName(fn), call.Args[i], fn, sk}, call, nil, nil)
		return
	}
	lr.sinkValueSite(apiName(fn), call.Args[i], fn, sk, call, nil, nil, nil, nil)
}

// half is one half of an address whose host and port are passed apart.
type half struct {
	api   string
	value ast.Expr
	obj   types.Object
	sk    sink
}

// apartSite makes the one site of an address whose host and port (a and
// b, in either order) are passed apart, in a call's arguments or a
// literal's fields: at the port when it is constant, else at the host.
func (lr *learner) apartSite(a, b half, call *ast.CallExpr, holder, unless *types.Var) {
	host, port := a, b
	if a.sk.Port {
		host, port = b, a
	}
	hostVals, portVals := lr.res.Str(host.value), lr.res.Str(port.value)
	if !addrval.Classify(addrval.SplitAll(addrval.Concat(addrval.Known(":", 0), portVals.Strs), "")).Port {
		lr.sinkValueSite(host.api, host.value, host.obj, host.sk, call, holder, unless, portVals.Strs, nil)
		return
	}
	lr.sinkValueSite(port.api, port.value, port.obj, port.sk, call, holder, unless, bracketed(hostVals.Strs), host.value)
}

// bracketed puts an IPv6 host in brackets, as net.JoinHostPort does, so
// that host + ":" + port splits ("::" and "8080" make "[::]:8080").
func bracketed(hosts []addrval.Str) []addrval.Str {
	out := make([]addrval.Str, len(hosts))
	for i, h := range hosts {
		out[i] = h
		if t, ok := h.Text(); ok && strings.Contains(t, ":") && !strings.HasPrefix(t, "[") {
			out[i] = addrval.Str{{Text: "[" + t + "]", Known: true, Pos: h[0].Pos}}
		}
	}
	return out
}

// partner returns the function's sink of the other half of an address
// passed apart (the host's for a port's sink, or the other way round).
func partner(sinks []sink, sk sink) *sink {
	for i, o := range sinks {
		if o.Param >= 0 && o.Param != sk.Param && halves(sk, o) {
			return &sinks[i]
		}
	}
	return nil
}

// halves reports whether two sinks are a host's and a port's.
func halves(a, b sink) bool { return a.Port && b.Host || a.Host && b.Port }

// variadicParam returns the variadic parameter of sig, or nil.
func variadicParam(sig *types.Signature) *types.Var {
	if !sig.Variadic() {
		return nil
	}
	return sig.Params().At(sig.Params().Len() - 1)
}

// passesVariadic reports whether a call passes anything for the variadic
// parameter of sig; shift is 1 for a method expression (the receiver).
func passesVariadic(call *ast.CallExpr, sig *types.Signature, shift int) bool {
	return sig.Variadic() && (call.Ellipsis.IsValid() || len(call.Args)-shift >= sig.Params().Len())
}

// sinkValueSite records the site of a value passed to call, or written
// to a field of holder (a local variable, or nil), that reaches a sink.
// apart holds the values of the other half of an address passed apart
// (nil: unknown here); for a port, hostArg is the host's expression,
// which a fix edits.
func (lr *learner) sinkValueSite(api string, value ast.Expr, obj types.Object, sk sink, call *ast.CallExpr, holder, unless *types.Var, apart []addrval.Str, hostArg ast.Expr) {
	var implicit *ImplicitSite
	var v *resolve.Val
	passes := api + " passes it to " + sk.API
	if lit, omitted := value.(*ast.CompositeLit); omitted {
		// A field left out of a literal (a sink field holds no struct):
		// its zero value, which a fix gives it (omitted).
		v, implicit = resolve.Zero(obj.Type(), lit.Rbrace), &ImplicitSite{Lit: lit, Field: obj.(*types.Var)}
		api += " (unset)"
	} else {
		v = lr.res.Str(value)
	}
	if sk.Default != nil { // "" is the reader's default, which a fix keeps
		or := &addrval.OrElse{Key: obj, Else: resolve.TextStrs(sk.Default, value.Pos())}
		d := *v
		d.Strs = addrval.Substitute([]addrval.Str{{{Hole: or}}}, obj, v.Strs)
		v = &d
	}
	strs, role := v.Strs, resolve.RoleAddress
	other := apart
	if other == nil {
		other = addrval.Unknown() // the callee's business, reported there
	}
	switch {
	case sk.Port:
		strs, role = addrval.Concat(addrval.Concat(other, addrval.Known(":", value.Pos())), strs), resolve.RolePort
	case sk.Host:
		strs, role = addrval.Concat(addrval.Concat(strs, addrval.Known(":", value.Pos())), other), resolve.RoleHost
	}
	w := &via{Pos: sk.pos, Msg: passes + " here"}
	if obj.Pkg() != lr.pass.Pkg {
		w = &via{Pos: obj.Pos(), Msg: passes + " (" + sk.At + ")"}
	}
	f, field := obj.(*types.Var)
	// inGo: the callee, or the field's reader, serves in a goroutine.
	s := Site{API: api, listenAPI: sk.API, listenAt: sk.At, Expr: value, Val: v, Shape: listenapi.ShapeString, EmptyPort: sk.EmptyPort, HostArg: hostArg,
		ParamRole: role, Via: w, call: call, fieldWrite: field, elsewhere: field || !sk.Starts, creates: sk.Creates && call != nil, transport: sk.Transport,
		unless: unless, debug: sk.Debug, program: program{inGo: sk.Background}, Implicit: implicit}
	if field && unless != nil {
		s.optSafe = optionSafeFields(lr.pass, lr.rules, lr.serving.syn, f)
	}
	if holder != nil && sk.Starts && len(sk.Readers) > 0 {
		// A server a reader method starts here (srv.ListenAndServe()) is
		// judged there, as an http.Server is.
		if start, ok := lr.serving.startedOn(&s, holder, sk.Readers); ok {
			sel := start.Node().(*ast.CallExpr).Fun.(*ast.SelectorExpr)
			s.inGo = !slices.Contains(sk.Blocking, sel.Sel.Name)
		}
	}
	lr.addSite(s, strs)
}

// A listener is sometimes made by a function passed in: in
// f.ListenWithCallback(network, addr, f.newListener), whose body calls
// callback(network, addr), addr reaches the sink newListener's.

// relay says that a function calls its parameter fn with its parameter
// from as argument arg.
type relay struct {
	fn, arg, from int
}

// relayCall records the relays of a call of a function-typed parameter.
func (lr *learner) relayCall(call *ast.CallExpr, callee *types.Var) {
	o, ok := lr.res.ParamOf(callee)
	if !ok || o.Fn == nil || call.Ellipsis.IsValid() {
		return
	}
	for i, arg := range call.Args {
		id, _ := ast.Unparen(arg).(*ast.Ident)
		v, ok := lr.pass.TypesInfo.Uses[id].(*types.Var)
		if !ok {
			continue
		}
		if from, ok := lr.res.ParamOf(v); ok && from.Key == o.Key {
			if lr.sinks.relays[o.Fn] == nil {
				lr.sinks.relayFns = append(lr.sinks.relayFns, o.Fn)
			}
			lr.sinks.relays[o.Fn] = append(lr.sinks.relays[o.Fn], relay{fn: o.Index, arg: i, from: from.Index})
		}
	}
}

// followRelays makes sites of the arguments relaying calls pass on to a
// sink, until no more sinks are learned.
func (lr *learner) followRelays() {
	type key struct {
		call *ast.CallExpr
		r    relay
	}
	done := make(map[key]bool)
	for learned := true; learned; {
		learned = false
		for _, fn := range lr.sinks.relayFns {
			for _, call := range lr.callsOf(fn) {
				for _, r := range lr.sinks.relays[fn] {
					if done[key{call, r}] || r.fn >= len(call.Args) || r.from >= len(call.Args) {
						continue
					}
					target := lr.funcValue(call.Args[r.fn])
					if target == nil {
						continue
					}
					for _, sk := range lr.sinksOf(target) {
						if sk.Param == r.arg {
							done[key{call, r}] = true
							n := len(lr.sinks.order)
							sk.Param = r.from
							lr.sinkCallSite(call, fn, sk)
							learned = learned || len(lr.sinks.order) > n
						}
					}
				}
			}
		}
	}
}

// funcValue returns the function a function value names: f, pkg.F or a
// method value x.M.
func (lr *learner) funcValue(e ast.Expr) *types.Func {
	var id *ast.Ident
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		id = e
	case *ast.SelectorExpr:
		if sel := lr.pass.TypesInfo.Selections[e]; sel == nil || sel.Kind() != types.MethodExpr {
			id = e.Sel // pkg.F, or x.M (a field holds no *types.Func)
		}
	}
	fn, _ := lr.pass.TypesInfo.Uses[id].(*types.Func)
	return fn
}

// paramReader returns the function whose parameter's field a listen
// site reads (Listen for e.Addr in func Listen(e Endpoint)), or "".
func (lr *learner) paramReader(s Site, field *types.Var) string {
	name := ""
	s.Val.Each(func(v *resolve.Val) {
		if sel, ok := ast.Unparen(v.Expr).(*ast.SelectorExpr); ok && lr.pass.TypesInfo.Uses[sel.Sel] == field {
			name = lr.plainParamOf(sel.X)
		}
	})
	return name
}

// plainParamOf returns the function, not a method, whose parameter e
// names, or "".
func (lr *learner) plainParamOf(e ast.Expr) string {
	id, _ := ast.Unparen(e).(*ast.Ident)
	v, ok := lr.pass.TypesInfo.Uses[id].(*types.Var)
	if fd := lr.res.Decls.FuncDecl(e.Pos()); ok && fd != nil && fd.Recv == nil && resolve.IsParam(lr.pass.TypesInfo, fd, v) {
		return fd.Name.Name
	}
	return ""
}

// paramCallers returns reader, which reads field of its parameter into a
// listener, and the functions passing it their own parameter (func
// Serve(e Endpoint) { Listen(e) }); nil when a call passes anything else.
func (lr *learner) paramCallers(reader string, field *types.Var) []string {
	readers := []string{reader}
	for i := 0; i < len(readers); i++ {
		for _, cur := range lr.uses(readers[i]) {
			call, isCall := cur.Node().(*ast.CallExpr)
			if !isCall {
				continue
			}
			if fn, ok := typeutil.Callee(lr.pass.TypesInfo, call).(*types.Func); !ok || fn.Pkg() != field.Pkg() || fn.Signature().Recv() != nil {
				continue
			}
			for _, a := range call.Args {
				if t := lr.pass.TypesInfo.TypeOf(a); t == nil || structField(t, field.Name()) != field {
					continue
				}
				if _, lit := resolve.Unaddr(a).(*ast.CompositeLit); lit {
					continue // a site of its own
				}
				fn := lr.plainParamOf(a)
				if fn == "" {
					return nil
				}
				readers = appendNew(readers, fn)
			}
		}
	}
	return readers
}
