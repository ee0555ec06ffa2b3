package addrval

import (
	"slices"
	"strings"
)

// Event-loop servers that open their own sockets (gnet, evio) take an
// address whose scheme names the network: "tcp://:9000",
// "udp4://localhost:5000", "unix:///tmp/app.sock". The scheme is cut
// before the address is split, for every API (net.Listen fails on it at
// run time, yet its port is written in the source), and says what the
// alternative listens on; a unix scheme holds a path, never a port.

// schemes are the networks a scheme may name, with their transport.
var schemes = map[string]Transport{
	"tcp": TCP, "tcp4": TCP, "tcp6": TCP,
	"udp": UDP, "udp4": UDP, "udp6": UDP,
	"unix": 0,
}

const schemeSep = "://"

// CutScheme cuts a network scheme from the front of an address:
// "tcp://:9000" gives "tcp" and ":9000".
func CutScheme(addr string) (scheme, rest string, ok bool) {
	scheme, rest, found := strings.Cut(addr, schemeSep)
	if _, known := schemes[scheme]; !found || !known {
		return "", addr, false
	}
	return scheme, rest, true
}

// cutScheme cuts a network scheme from the constant text that starts an
// alternative. ok is false when the alternative holds "://" anywhere
// else: a scheme the pass cannot read (network + "://:9000") may be
// unix, whose address is a path.
func cutScheme(s Str) (scheme string, rest Str, ok bool) {
	if !slices.ContainsFunc(s, func(g Seg) bool { return g.Known && strings.IndexByte(g.Text, '/') >= 0 }) {
		return "", s, true // no "://" anywhere: the common case, without allocating
	}
	n := 0 // the known segments that start s
	for n < len(s) && s[n].Known {
		n++
	}
	lead, _ := s[:n].Text()
	scheme, _, cut := CutScheme(lead)
	rest = s
	if cut {
		rest = dropBytes(s, len(scheme)+len(schemeSep))
	}
	// "://" after the scheme, or across two constants of lead.
	if slices.ContainsFunc(rest, func(g Seg) bool { return g.Known && strings.Contains(g.Text, schemeSep) }) ||
		!cut && strings.Contains(lead, schemeSep) {
		return "", s, false
	}
	return scheme, rest, true
}

// dropBytes returns s without its first n bytes, which are known text.
func dropBytes(s Str, n int) Str {
	for i, g := range s {
		if n < len(g.Text) || n == 0 && !g.Known {
			g.Text = g.Text[n:]
			return append(Str{g}, s[i+1:]...)
		}
		n -= len(g.Text)
	}
	return nil
}

// HasScheme reports whether some alternative starts with a scheme, or
// holds one the pass cannot read.
func HasScheme(strs []Str) bool {
	return slices.ContainsFunc(strs, func(s Str) bool {
		scheme, _, ok := cutScheme(s)
		return scheme != "" || !ok
	})
}

// OnlyUnix reports whether every alternative is a unix socket's
// ("unix:///tmp/app.sock"): not a server on a port at all.
func OnlyUnix(strs []Str) bool {
	return len(strs) > 0 && !slices.ContainsFunc(strs, func(s Str) bool {
		scheme, _, _ := cutScheme(s)
		return scheme != "unix"
	})
}

// ListensOn says what a server whose API listens on def listens on: each
// alternative's scheme, or def; unknown (0) if one may be anything.
func ListensOn(alts []Alt, def Transport) Transport {
	if len(alts) == 0 {
		return def
	}
	var t Transport
	for _, a := range alts {
		at := def
		if a.Scheme != "" {
			at = schemes[a.Scheme]
		}
		if at == 0 {
			return 0
		}
		t |= at
	}
	return t
}
