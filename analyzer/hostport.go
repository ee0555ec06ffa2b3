package analyzer

import (
	"net/netip"
	"strconv"
	"strings"
)

// splitHostPort splits "host:port", "[host]:port" or "[host%zone]:port"
// with the semantics of net.SplitHostPort: ok is false exactly when
// net.SplitHostPort returns an error. It never panics (see the fuzz test).
func splitHostPort(s string) (host, port string, ok bool) {
	i := strings.LastIndexByte(s, ':')
	if i < 0 {
		return "", "", false // missing port
	}
	if s[0] == '[' {
		end := strings.IndexByte(s, ']')
		if end < 0 {
			return "", "", false // missing ']'
		}
		switch end + 1 {
		case len(s):
			return "", "", false // "[host]" without port
		case i:
			// "[host]:port": the expected result.
		default:
			return "", "", false // "[host]x:port" or too many colons
		}
		host = s[1:end]
		if strings.IndexByte(s[1:], '[') >= 0 || strings.IndexByte(s[end+1:], ']') >= 0 {
			return "", "", false // unexpected bracket
		}
	} else {
		host = s[:i]
		if strings.IndexByte(host, ':') >= 0 {
			return "", "", false // too many colons
		}
		if strings.IndexByte(s, '[') >= 0 || strings.IndexByte(s, ']') >= 0 {
			return "", "", false // unexpected bracket
		}
	}
	return host, s[i+1:], true
}

// portIsEphemeral reports whether a port asks the kernel for any free
// port: empty, or numerically zero ("0", "00").
func portIsEphemeral(port string) bool {
	if port == "" {
		return true
	}
	n, err := strconv.ParseUint(port, 10, 64)
	return err == nil && n == 0
}

// hostIsLoopback reports whether host names only the loopback interface:
// localhost (any case, trailing dot, *.localhost per RFC 6761),
// 127.0.0.0/8, ::1 and IPv4-mapped loopback (::ffff:127.0.0.1).
func hostIsLoopback(host string) bool {
	if a, err := netip.ParseAddr(host); err == nil { // before trimming: "::1%." has a zone
		return a.Unmap().IsLoopback()
	}
	h := strings.TrimSuffix(strings.ToLower(host), ".")
	if h == "localhost" || strings.HasSuffix(h, ".localhost") {
		return true
	}
	a, err := netip.ParseAddr(h)
	return err == nil && a.Unmap().IsLoopback()
}

// hostIsAllInterfaces reports whether host binds every interface.
func hostIsAllInterfaces(host string) bool {
	if host == "" {
		return true
	}
	a, err := netip.ParseAddr(host)
	return err == nil && a.Unmap().IsUnspecified()
}
