package resolve

import (
	"fmt"
	"go/types"
	"strings"
	"testing"

	"github.com/portlint/portlint/internal/addrval"
)

// TestIPHosts has a row per shape of an address struct's host: what
// IPPort (the struct's own values), IPPortStrs (a literal with a hole, as
// a string) and AddrPortStrs (net/netip) make of it: one resolver of
// hosts (host) serves the three.
func TestIPHosts(t *testing.T) {
	for _, tc := range []struct {
		name, stmts, expr string
		ipPort, strs      string // strs "-": not ok
	}{
		{"no IP: all interfaces", ``, `&net.TCPAddr{Port: 8080}`, ":8080", "-"},
		{"no IP, a port of the callers", ``, `&net.TCPAddr{Port: port}`, ":?", ":{port}"},
		{"a nil IP", ``, `&net.TCPAddr{IP: nil, Port: port}`, ":?", ":{port}"},
		{"a parsed constant", ``, `&net.TCPAddr{IP: net.ParseIP("127.0.0.1"), Port: port}`, "127.0.0.1:?", "127.0.0.1:{port}"},
		{"a parsed parameter", ``, `&net.TCPAddr{IP: net.ParseIP(host), Port: 8080}`, "?:8080", "{host}:8080"},
		{"positional", ``, `&net.TCPAddr{net.IPv4(127, 0, 0, 1), 8080, ""}`, "127.0.0.1:8080", "-"},
		{"positional, a port of the callers", ``, `&net.TCPAddr{net.ParseIP(host), port, ""}`, "?:?", "{host}:{port}"},
		{"net.IPv4 of constants", ``, `&net.TCPAddr{IP: net.IPv4(127, 0, 0, 1), Port: 8080}`, "127.0.0.1:8080", "-"},
		{"net.IPv4 of constants, a port of the callers", ``, `&net.TCPAddr{IP: net.IPv4(127, 0, 0, 1), Port: port}`, "127.0.0.1:?", "127.0.0.1:{port}"},
		{"net.IPv4 of a variable byte", ``, `&net.TCPAddr{IP: net.IPv4(byte(port), 0, 0, 1), Port: 8080}`, "?:8080", "-"},
		{"a named IP", ``, `&net.UDPAddr{IP: net.IPv6loopback, Port: 8080}`, "::1:8080", "-"},
		{"a named IP, a port of the callers", ``, `&net.UDPAddr{IP: net.IPv4zero, Port: port}`, "0.0.0.0:?", "0.0.0.0:{port}"},
		{"another package's IP", ``, `&net.UDPAddr{IP: net.IPv4bcast, Port: port}`, "?:?", "?:{port}"},
		{"a variable", `ip := net.ParseIP("::1")`, `&net.TCPAddr{IP: ip, Port: 8080}`, "::1:8080", "-"},
		{"a variable of the callers", `ip := net.ParseIP(host)`, `&net.TCPAddr{IP: ip, Port: 8080}`, "?:8080", "{host}:8080"},
		{"a variable, two definitions", `ip := net.IPv6loopback; if port > 0 { ip = net.ParseIP("10.0.0.1") }`, `&net.TCPAddr{IP: ip, Port: port}`, "::1:? | 10.0.0.1:?", "[::1]:{port} | 10.0.0.1:{port}"},
		{"a variable left nil", `var ip net.IP`, `&net.TCPAddr{IP: ip, Port: port}`, ":?", ":{port}"},
		{"one result of a call", `ip, _, _ := net.ParseCIDR(host)`, `&net.TCPAddr{IP: ip, Port: port}`, "?:?", "?:{port}"},
		{"a parameter", ``, `&net.TCPAddr{IP: addr, Port: port}`, "?:?", "?:{port}"},
		{"a field", `var c struct{ IP net.IP }`, `&net.TCPAddr{IP: c.IP, Port: port}`, "?:?", "?:{port}"},
		{"an address variable", `a := &net.TCPAddr{IP: net.ParseIP(host), Port: port}`, `a`, "?:?", "{host}:{port}"},
		{"netip: a parsed constant", ``, `net.TCPAddrFromAddrPort(netip.AddrPortFrom(netip.MustParseAddr("127.0.0.1"), uint16(port)))`, "?:?", "127.0.0.1:{port}"},
		{"netip: a parsed parameter", ``, `net.UDPAddrFromAddrPort(netip.AddrPortFrom(netip.MustParseAddr(host), 8080))`, "?:?", "{host}:8080"},
		{"netip: a named address", ``, `net.TCPAddrFromAddrPort(netip.AddrPortFrom(netip.IPv6Loopback(), 8080))`, "?:?", "[::1]:8080"},
		{"netip: all interfaces", ``, `net.TCPAddrFromAddrPort(netip.AddrPortFrom(netip.IPv4Unspecified(), uint16(port)))`, "?:?", "0.0.0.0:{port}"},
		{"netip: a variable", `a := netip.MustParseAddr(host)`, `net.TCPAddrFromAddrPort(netip.AddrPortFrom(a, 8080))`, "?:?", "{host}:8080"},
		{"netip: left at its zero value", `var a netip.Addr`, `net.TCPAddrFromAddrPort(netip.AddrPortFrom(a, 8080))`, "?:?", ":8080"},
		{"netip: a variable, two definitions", `a := netip.IPv6Loopback(); if port > 0 { a = netip.MustParseAddr(host) }`, `net.TCPAddrFromAddrPort(netip.AddrPortFrom(a, 8080))`, "?:?", "[::1]:8080 | {host}:8080"},
		{"netip: one result of a call", `a, _ := netip.ParseAddr(host)`, `net.TCPAddrFromAddrPort(netip.AddrPortFrom(a, 8080))`, "?:?", "?:8080"},
		{"netip: a parameter", ``, `net.TCPAddrFromAddrPort(netip.AddrPortFrom(na, 8080))`, "?:?", "?:8080"},
		{"netip: a whole address", `ap := netip.MustParseAddrPort(host)`, `net.TCPAddrFromAddrPort(ap)`, "?:?", "{host}"},
	} {
		src := fmt.Sprintf("package p\n\nimport (\n\t\"net\"\n\t\"net/netip\"\n)\n\nvar _, _ = net.IPv4, netip.MustParseAddr\n\nfunc f(host string, port int, addr net.IP, na netip.Addr) {\n\t%s\n\tuse(%s)\n}\n\nfunc use(...any) {}\n", tc.stmts, tc.expr)
		r, args := load(t, src)
		as := r.AddrStructs()
		var alts []string
		for _, a := range as.IPPort(args[0], true).Addrs {
			alts = append(alts, part(a.Host)+":"+part(a.Port))
		}
		strs, ok := as.IPPortStrs(args[0])
		if !ok {
			strs, ok = as.AddrPortStrs(args[0])
		}
		got := "-"
		if ok {
			got = strsText(strs)
		}
		if ip := strings.Join(alts, " | "); ip != tc.ipPort || got != tc.strs {
			t.Errorf("%s: IPPort %s, strs %s; want %s, %s", tc.name, ip, got, tc.ipPort, tc.strs)
		}
	}
}

// strsText prints values with "?" for an unknown part and {name} for a
// parameter's hole.
func strsText(strs []addrval.Str) string {
	var alts []string
	for _, s := range strs {
		var b strings.Builder
		for _, g := range s {
			switch {
			case g.Known:
				b.WriteString(g.Text)
			case g.Hole != nil:
				b.WriteString("{" + g.Hole.(*types.Var).Name() + "}")
			default:
				b.WriteString("?")
			}
		}
		alts = append(alts, b.String())
	}
	return strings.Join(alts, " | ")
}
