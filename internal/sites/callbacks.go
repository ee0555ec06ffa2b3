package sites

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/types/typeutil"
)

// A listener is sometimes made by a function passed in:
//
//	func (f *Fds) Listen(network, addr string) (net.Listener, error) {
//		return f.ListenWithCallback(network, addr, f.newListener)
//	}
//	func (f *Fds) ListenWithCallback(network, addr string, callback func(network, addr string) (net.Listener, error)) … {
//		… callback(network, addr) …
//	}
//
// ListenWithCallback passes its parameter addr to its parameter callback:
// a relay. At a call that passes a sink as the callback (f.newListener,
// whose addr reaches net.ListenConfig.Listen), the argument for addr
// reaches that sink too.

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

// followRelays makes sites of the arguments that calls of relaying
// functions pass on to a sink, until no more sinks are learned.
func (lr *learner) followRelays() {
	type key struct {
		call *ast.CallExpr
		r    relay
	}
	done := make(map[key]bool)
	for learned := true; learned; {
		learned = false
		for _, fn := range lr.sinks.relayFns {
			for _, cur := range lr.uses(fn.Name()) {
				call, ok := cur.Node().(*ast.CallExpr)
				if !ok || typeutil.Callee(lr.pass.TypesInfo, call) != fn {
					continue
				}
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
