package resolve

import (
	"go/ast"
	"go/types"

	"github.com/portlint/portlint/internal/addrval"
)

// Servers written since Go 1.18 build their addresses with net/netip:
//
//	ap := netip.AddrPortFrom(netip.MustParseAddr(host), uint16(port))
//	net.ListenUDP("udp", net.UDPAddrFromAddrPort(ap))
//
// which listens where net.JoinHostPort(host, strconv.Itoa(port)) does.

// AddrPortStrs returns the address net.TCPAddrFromAddrPort(x) or
// net.UDPAddrFromAddrPort(x) (or a local variable holding one) listens
// on, when x is netip.AddrPortFrom(addr, port) or
// netip.MustParseAddrPort(s); ok is false otherwise.
func (r AddrStructs) AddrPortStrs(e ast.Expr) (strs []addrval.Str, ok bool) {
	x, _ := r.oneDef(e)
	call, _ := x.(*ast.CallExpr)
	if call == nil || len(call.Args) != 1 {
		return nil, false
	}
	switch calleeName(r.info, call) {
	case "net.TCPAddrFromAddrPort", "net.UDPAddrFromAddrPort":
		return r.addrPort(call.Args[0])
	}
	return nil, false
}

// addrPort resolves a netip.AddrPort expression.
func (r AddrStructs) addrPort(e ast.Expr) ([]addrval.Str, bool) {
	x, _ := r.oneDef(e)
	call, _ := x.(*ast.CallExpr)
	if call == nil {
		return nil, false
	}
	switch calleeName(r.info, call) {
	case "net/netip.MustParseAddrPort":
		if len(call.Args) == 1 {
			return r.Str(call.Args[0]).Strs, true
		}
	case "net/netip.AddrPortFrom":
		if len(call.Args) == 2 {
			return joined(r.host(call.Args[0]).Strs, call.Args[0].End(), r.Str(call.Args[1]).Strs), true
		}
	}
	return nil, false
}

// oneDef returns e, or the value of the one definition of the variable
// v that e names.
func (r AddrStructs) oneDef(e ast.Expr) (ast.Expr, *types.Var) {
	if v, defs, ok := r.defsOf(ast.Unparen(e)); ok && len(defs) == 1 && defs[0].Index < 0 && defs[0].Rhs != nil {
		return ast.Unparen(defs[0].Rhs), v
	}
	return ast.Unparen(e), nil
}

// conversion returns x of a conversion T(x) that keeps its value: between
// string types, or integer types that hold every port; or nil.
func conversion(info *types.Info, call *ast.CallExpr) ast.Expr {
	if len(call.Args) != 1 || !info.Types[call.Fun].IsType() {
		return nil
	}
	to, ok1 := info.TypeOf(call).Underlying().(*types.Basic)
	from, ok2 := info.TypeOf(call.Args[0]).Underlying().(*types.Basic)
	switch {
	case !ok1 || !ok2:
		return nil
	case to.Info()&types.IsString != 0 && from.Info()&types.IsString != 0:
		return call.Args[0]
	case to.Info()&types.IsInteger == 0 || from.Info()&types.IsInteger == 0,
		to.Kind() == types.Int8, to.Kind() == types.Uint8:
		return nil
	}
	return call.Args[0]
}
