package sites

import (
	"go/ast"
	"go/types"
	"slices"
	"strings"

	"github.com/portlint/portlint/internal/addrval"
	"github.com/portlint/portlint/internal/listenapi"
	"github.com/portlint/portlint/internal/resolve"
)

// throughParams reports whether a site's address depends on parameters
// of a function with known callers, and then makes each call a site at
// its argument instead: for a host and a port passed apart (startHTTP(
// host string, port int)), at the port when it is constant, else the host.
func (lr *learner) throughParams(s Site, strs []addrval.Str) bool {
	var params []*types.Var // of one function, with known callers
	var fnKey any
	for _, alt := range strs {
		for _, g := range alt {
			// port+1000: its callers' ports plus 1000; cmp.Or(addr, …).
			v, ok := addrval.HoleKey(g.Hole).(*types.Var)
			if !ok || slices.Contains(params, v) || v.IsField() {
				continue
			}
			o, ok := lr.res.OwnerOf(v) // a hole is the callers' value, or theirs but where empty (defaulted)
			if !ok || !lr.res.Callers.Known(o) {
				continue
			}
			if len(params) > 0 && o.Key != fnKey || len(params) == 2 {
				return true // parameters of two functions, or three: leave it
			}
			params, fnKey = append(params, v), o.Key
		}
	}
	if len(params) == 0 || len(params) == 1 && paramRole(strs, params[0]) == resolve.RoleHost {
		// A host alone: the port is the function's own, reported here.
		return false
	}
	// With two parameters, one is the port and the other the host.
	port, host := params[len(params)-1], (*types.Var)(nil)
	if len(params) == 2 {
		host = params[0]
		if paramRole(strs, port) != resolve.RolePort {
			port, host = host, port
		}
		if paramRole(strs, port) != resolve.RolePort {
			return true // two parameters, neither the port: leave it
		}
	}
	owner, _ := lr.res.OwnerOf(port)
	hostIndex := -1
	if host != nil {
		o, _ := lr.res.OwnerOf(host)
		hostIndex = o.Index
	}
	var sig *types.Signature
	if s.unless != nil {
		if owner.Fn == nil || variadicParam(owner.Fn.Signature()) != s.unless {
			return true // options of another function: no call proves the address
		}
		sig = owner.Fn.Signature()
	}
	calls := lr.res.Callers.Calls[owner.Key]
	// A helper started in a goroutine somewhere (go runServer(8000), not
	// merely called in one) runs the server it builds, however it starts
	// it (an option, then an app's Run): each call is where its server
	// starts, and one outside a goroutine is where the program waits.
	elsewhere := s.elsewhere && !slices.ContainsFunc(calls, func(c *ast.CallExpr) bool {
		_, ok := lr.serving.cursor(c).Parent().Node().(*ast.GoStmt)
		return ok
	})
	for _, call := range calls {
		if !fixedArg(call, owner.Index) || hostIndex >= 0 && !fixedArg(call, hostIndex) || sig != nil && passesVariadic(call, sig, 0) {
			continue
		}
		arg := lr.res.Str(call.Args[owner.Index])
		values := addrval.Substitute(strs, port, arg.Strs)
		role := paramRole(strs, port)
		if or := orElseOf(strs, port); or != nil && slices.ContainsFunc(arg.Strs, addrval.Str.Empty) {
			// cmp.Or(addr, ":8080") given "": a fix writes what the
			// listener sees, the default.
			arg = &resolve.Val{Strs: addrval.Substitute([]addrval.Str{{{Hole: or}}}, port, arg.Strs), Expr: arg.Expr, Index: -1}
		}
		var hostExpr ast.Expr
		if host != nil {
			hostArg := lr.res.Str(call.Args[hostIndex])
			values = addrval.Substitute(values, host, bracketed(hostArg.Strs))
			hostExpr = call.Args[hostIndex]
			if !addrval.Classify(addrval.SplitAll(values, s.EmptyPort)).Port {
				arg, role, hostExpr = hostArg, resolve.RoleHost, nil // a loopback host, if anything
			}
		}
		api := s.API // a literal called in place has no name
		if owner.Name != "" {
			api += " (through " + owner.Name + ")"
		}
		site := Site{API: api, listenAPI: s.listenAPI, listenAt: s.listenAt, Expr: arg.Expr, Val: arg, Shape: listenapi.ShapeString, EmptyPort: s.EmptyPort,
			ParamRole: role, Via: &via{Pos: s.Expr.Pos(), Msg: "the address reaches the listener here"}, call: call, elsewhere: elsewhere,
			program: program{inGo: s.inGo || lr.serving.inGoStmt(s)}, learnOnly: s.learnOnly, transport: s.transport,
			creates: s.creates && returnsListener(resolve.CalleeFunc(lr.pass.TypesInfo, call)), HostArg: hostExpr}
		// A helper returning the server it built (srv := newServer(8080);
		// srv.ListenAndServe()): each call's server starts where its
		// variable does.
		if v := lr.serving.resultVar(call); v != nil && s.server == nil && len(s.listeners) > 0 {
			lr.serving.startedOn(&site, v, s.listeners)
		}
		lr.addSite(site, values)
	}
	return true
}

// sinkRole is paramRole over the alternatives that hold the hole, not the
// function's own defaults (if addr == "" { addr = ":domain" }).
func sinkRole(strs []addrval.Str, hole *types.Var) resolve.Role {
	with := slices.DeleteFunc(slices.Clone(strs), func(alt addrval.Str) bool {
		return !slices.ContainsFunc(alt, func(g addrval.Seg) bool { return isHole(g, hole) })
	})
	return paramRole(with, hole)
}

// paramRole says what a hole stands for in the address: the whole
// address, the port or the host.
func paramRole(strs []addrval.Str, hole *types.Var) resolve.Role {
	r := resolve.RoleNone
	for _, alt := range strs {
		var this resolve.Role
		switch {
		case len(alt) == 1 && isHole(alt[0], hole):
			this = resolve.RoleAddress // addr, cmp.Or(addr, …)
		case len(alt) >= 2 && isHole(alt[len(alt)-1], hole) && alt[len(alt)-2].Known && strings.HasSuffix(alt[len(alt)-2].Text, ":"):
			this = resolve.RolePort
		case hostHole(alt, hole):
			this = resolve.RoleHost // host + ":" + …
		default:
			return resolve.RoleNone
		}
		if r != resolve.RoleNone && r != this {
			return resolve.RoleNone
		}
		r = this
	}
	return r
}

// isHole reports whether g is hole's, or a cmp.Or of it (its callers'
// value, a default where that is empty).
func isHole(g addrval.Seg, hole *types.Var) bool {
	or, ok := g.Hole.(*addrval.OrElse)
	return g.Hole == hole || ok && or.Key == hole
}

// orElseOf returns the cmp.Or of hole that strs hold, if any.
func orElseOf(strs []addrval.Str, hole *types.Var) *addrval.OrElse {
	for _, alt := range strs {
		for _, g := range alt {
			if or, ok := g.Hole.(*addrval.OrElse); ok && or.Key == hole {
				return or
			}
		}
	}
	return nil
}

// hostHole reports whether an alternative is hole + ":" + … with the hole
// nowhere else, past empty text (Sprintf("%s:%d", …) starts with some).
func hostHole(alt addrval.Str, hole *types.Var) bool {
	for len(alt) > 0 && alt[0].Known && alt[0].Text == "" {
		alt = alt[1:]
	}
	return len(alt) >= 2 && isHole(alt[0], hole) && alt[1].Known && strings.HasPrefix(alt[1].Text, ":") &&
		!slices.ContainsFunc(alt[1:], func(g addrval.Seg) bool { return isHole(g, hole) })
}
