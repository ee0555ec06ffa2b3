package analyzer

import (
	"go/token"
	"go/types"
	"strings"
)

// The address value model (DESIGN §2). An expression resolves to a set of
// alternatives, one per reaching definition; each is a sequence of
// segments, constant text or an unknown hole. A host or port part is known
// only when no hole can reach it.

// seg is one piece of a string value.
type seg struct {
	text  string
	known bool
	pos   token.Pos // where the text was written (literal, or constant declaration)
	// param is set on a hole that is a parameter of a function whose
	// callers are all known (see params.go).
	param *types.Var
}

// str is one alternative value of a string expression.
type str []seg

// maxAlts bounds the alternatives tracked per expression; past it the
// value is unknown, which keeps resolution linear and silent when unsure.
const maxAlts = 16

func hole() []str { return []str{{{}}} }

func known(text string, pos token.Pos) []str {
	return []str{{{text: text, known: true, pos: pos}}}
}

// concat is the cross product of the alternatives of a and b.
func concat(a, b []str) []str {
	if len(a)*len(b) > maxAlts {
		return hole()
	}
	out := make([]str, 0, len(a)*len(b))
	for _, x := range a {
		for _, y := range b {
			s := make(str, 0, len(x)+len(y))
			s = append(append(s, x...), y...)
			if len(s) > maxSegs {
				s = compact(s)
			}
			out = append(out, s)
		}
	}
	return out
}

// maxSegs bounds the segments of a value: past it, adjacent constant
// segments merge (keeping the first one's origin) and adjacent holes
// merge, so a chain of thousands of + stays linear.
const maxSegs = 32

func compact(s str) str {
	out := s[:1:1]
	for _, g := range s[1:] {
		last := &out[len(out)-1]
		switch {
		case g.known && last.known:
			last.text += g.text
		case !g.known && !last.known && g.param == nil && last.param == nil:
		default:
			out = append(out, g)
		}
	}
	return out
}

// union merges alternative sets.
func union(sets ...[]str) []str {
	var out []str
	for _, s := range sets {
		out = append(out, s...)
	}
	if len(out) > maxAlts {
		return hole()
	}
	return out
}

// part is a host or port: its constant text and origin, or unknown.
type part struct {
	text  string
	known bool
	pos   token.Pos
}

// addrAlt is one alternative address reaching a listen site.
type addrAlt struct {
	host, port part
	hasPort    bool // false for *net.IPAddr, which has no port
	implicit   bool // the port is the API's default for an empty address
}

// text returns the constant text of s and whether every segment is known.
func (s str) text() (string, bool) {
	var b strings.Builder
	for _, g := range s {
		if !g.known {
			return "", false
		}
		b.WriteString(g.text)
	}
	return b.String(), true
}

// splitAddr splits one alternative "host:port" string into parts. When
// holes are present the port is whatever follows the last constant colon:
// known only if no hole follows it; the host is known only if no hole
// precedes that colon.
func splitAddr(s str) addrAlt {
	if t, ok := s.text(); ok {
		host, port, ok := splitHostPort(t)
		if !ok {
			return addrAlt{hasPort: true} // not a host:port (unix path, typo): silent
		}
		hp, pp := originOf(s, 0), originOf(s, len(t)-len(port))
		return addrAlt{host: part{host, true, hp}, port: part{port, true, pp}, hasPort: true}
	}
	// Find the last colon in a constant segment.
	gi, ci := -1, -1
	for i := len(s) - 1; i >= 0 && gi < 0; i-- {
		if !s[i].known {
			continue
		}
		if j := strings.LastIndexByte(s[i].text, ':'); j >= 0 {
			gi, ci = i, j
		}
	}
	a := addrAlt{hasPort: true}
	if gi < 0 {
		return a
	}
	if port, ok := (append(str{{text: s[gi].text[ci+1:], known: true, pos: s[gi].pos}}, s[gi+1:]...)).text(); ok {
		a.port = part{port, true, s[gi].pos}
		if port == "" && gi+1 < len(s) {
			a.port.pos = s[gi+1].pos
		}
	}
	if host, ok := (append(s[:gi:gi], seg{text: s[gi].text[:ci], known: true, pos: s[gi].pos})).text(); ok {
		if len(host) >= 2 && host[0] == '[' && host[len(host)-1] == ']' {
			host = host[1 : len(host)-1]
		} else if strings.ContainsAny(host, "[]:") {
			return a // malformed: stay silent on the host
		}
		a.host = part{host, true, s[0].pos}
	}
	return a
}

// originOf returns the origin of the segment holding byte offset off of
// the concatenated text of s (or of the last segment at the end).
func originOf(s str, off int) token.Pos {
	for _, g := range s {
		if off < len(g.text) {
			return g.pos
		}
		off -= len(g.text)
	}
	if len(s) > 0 {
		return s[len(s)-1].pos
	}
	return token.NoPos
}
