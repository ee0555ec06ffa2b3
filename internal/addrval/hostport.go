package addrval

import (
	"net/netip"
	"strconv"
	"strings"
)

// SplitHostPort splits "host:port", "[host]:port" or "[host%zone]:port"
// as net.SplitHostPort does (FuzzSplitHostPort), ok where it returns no
// error. Not net's own: importing net links the command with cgo where
// cgo is enabled, which go vet pays at each of its thousand starts.
func SplitHostPort(s string) (host, port string, ok bool) {
	i := strings.LastIndexByte(s, ':')
	j, k := 0, 0 // where a '[' or a ']' may no longer stand
	switch {
	case i < 0:
		return "", "", false
	case s[0] == '[':
		end := strings.IndexByte(s, ']')
		if end+1 != i { // no ']', no port, or text between them
			return "", "", false
		}
		host, j, k = s[1:end], 1, end+1
	default:
		host = s[:i]
		if strings.IndexByte(host, ':') >= 0 {
			return "", "", false
		}
	}
	if strings.IndexByte(s[j:], '[') >= 0 || strings.IndexByte(s[k:], ']') >= 0 {
		return "", "", false
	}
	return host, s[i+1:], true
}

// PortIsEphemeral reports whether a port asks the kernel for any free
// port: empty, or zero ("0", "00").
func PortIsEphemeral(port string) bool {
	if port == "" {
		return true
	}
	n, err := strconv.ParseUint(port, 10, 64)
	return err == nil && n == 0
}

// HostIsLoopback reports whether host names only the loopback interface:
// localhost (any case, a trailing dot, and *.localhost, which RFC 6761
// reserves for loopback), 127.0.0.0/8, ::1 and IPv4-mapped loopback
// (::ffff:127.0.0.1). host has no brackets.
func HostIsLoopback(host string) bool {
	// Parse before trimming: in "::1%." the dot is the zone.
	a, err := netip.ParseAddr(host)
	if err != nil {
		a, err = netip.ParseAddr(BindHost(host)) // a localhost name binds 127.0.0.1
	}
	return err == nil && a.Unmap().IsLoopback()
}

// BindHost is what net.Listen binds for host (no brackets), to compare
// servers: "*" for every interface (empty, 0.0.0.0, ::, ::ffff:0.0.0.0),
// 127.0.0.1 for a localhost name, as net.Listen binds it, and "" for
// none: a host of digits and dots that is no IP address ("0", "127.1") is
// a name to look up, and Go's resolver finds none ("lookup 0: no such host").
func BindHost(host string) string {
	h := normalizeHost(host)
	switch a, err := netip.ParseAddr(h); {
	case h == "" || err == nil && a.Unmap().IsUnspecified():
		return "*"
	case err != nil && strings.Trim(h, "0123456789.") == "":
		return ""
	case h == "localhost" || strings.HasSuffix(h, ".localhost"):
		return "127.0.0.1"
	}
	return h
}

// ValidPort reports whether net.Listen could accept p as a port: 1-65535
// in decimal, or something shaped like a service name such as "http"
// (letters, digits and hyphens, with a letter, no hyphen at either end).
// Names are not looked up.
func ValidPort(p string) bool {
	if strings.Trim(p, "0123456789") == "" {
		n, err := strconv.ParseUint(p, 10, 16)
		return err == nil && n > 0
	}
	letter := false
	for _, r := range p {
		isLetter := 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z'
		if !(r == '-' || isLetter || '0' <= r && r <= '9') {
			return false
		}
		letter = letter || isLetter
	}
	// A name has a letter and no hyphen at either end (RFC 6335): "-2",
	// an integer port gone negative, is none.
	return letter && p[0] != '-' && p[len(p)-1] != '-'
}

// IsAddressValue reports whether every value can matter to a listen
// address: an address (maybe without its port, "127.0.0.1:", or after
// a scheme, "tcp://:9000"), a port, an IP address, a loopback host, or a
// network name. Only a helper's constant results that pass are exported
// as facts, so that String and Error methods ("RSA", "i/o timeout") make
// none.
func IsAddressValue(values []string) bool {
	for _, v := range values {
		if scheme, rest, ok := CutScheme(v); ok && scheme != "unix" {
			v = rest // "tcp://:9000"
		}
		host, port, isAddr := SplitHostPort(v)
		isAddr = isAddr && (port == "" || ValidPort(port)) && !strings.ContainsAny(host, " \t")
		isPort := strings.Trim(v, "0123456789") == "" && ValidPort(v) // a port, not a service name
		_, ipErr := netip.ParseAddr(strings.TrimSuffix(strings.TrimPrefix(v, "["), "]"))
		if !isAddr && !isPort && ipErr != nil && !HostIsLoopback(v) && !networkNames[v] {
			return false
		}
	}
	return true
}

// networkNames are the networks of net.Listen and net.ListenPacket.
var networkNames = map[string]bool{
	"tcp": true, "tcp4": true, "tcp6": true, "udp": true, "udp4": true, "udp6": true,
	"unix": true, "unixgram": true, "unixpacket": true, "ip": true, "ip4": true, "ip6": true,
}
