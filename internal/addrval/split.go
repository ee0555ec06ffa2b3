package addrval

import (
	"go/token"
	"strings"
)

// Part is a host or a port: its constant text and where it was written,
// or unknown.
type Part struct {
	Text  string
	Known bool
	Pos   token.Pos
}

// Alt is one alternative address reaching a listen site.
type Alt struct {
	Host, Port Part
	HasPort    bool   // false for *net.IPAddr, which has no port
	Implicit   bool   // the port is the API's default for an empty address
	Scheme     string // the network it names ("tcp" of "tcp://:9000"), or ""
}

// Split splits one alternative "host:port" value into its parts, after
// the scheme that starts it, if any ("tcp://host:port"). A constant value
// splits as net.SplitHostPort does; one it rejects (a unix socket path, a
// typo), or one after a scheme the pass cannot read, has neither part
// known, so nothing is reported. With holes present the port is whatever
// follows the last constant colon, known only if no hole follows it; the
// host is what precedes it, known only if no hole does.
func Split(s Str) Alt {
	scheme, s, ok := cutScheme(s)
	a := Alt{HasPort: true, Scheme: scheme}
	if !ok || scheme == "unix" {
		return a
	}
	if t, ok := s.Text(); ok {
		if host, port, ok := SplitHostPort(t); ok {
			a.Host = Part{Text: host, Known: true, Pos: OriginOf(s, 0)}
			a.Port = Part{Text: port, Known: true, Pos: OriginOf(s, len(t)-len(port))}
		}
		return a
	}
	gi, ci := -1, -1 // the segment and byte index of the last constant colon
	for i := len(s) - 1; i >= 0 && gi < 0; i-- {
		if j := strings.LastIndexByte(s[i].Text, ':'); s[i].Known && j >= 0 {
			gi, ci = i, j
		}
	}
	if gi < 0 {
		return a
	}
	colon := s[gi]
	if rest, ok := s[gi+1:].Text(); ok {
		a.Port = Part{Text: colon.Text[ci+1:] + rest, Known: true, Pos: colon.Pos}
		if a.Port.Text == "" && gi+1 < len(s) {
			a.Port.Pos = s[gi+1].Pos
		}
	}
	if before, ok := s[:gi].Text(); ok {
		host, open := strings.CutPrefix(before+colon.Text[:ci], "[")
		host, closed := strings.CutSuffix(host, "]")
		if open != closed || !open && strings.ContainsAny(host, "[]:") {
			return a // malformed: stay silent on the host
		}
		a.Host = Part{Text: host, Known: true, Pos: s[0].Pos}
	}
	return a
}

// SplitAll splits every alternative. An empty constant address is an
// Implicit alternative, on emptyPort where the API has such a default
// (http.ListenAndServe("") listens on ":http").
func SplitAll(strs []Str, emptyPort string) []Alt {
	alts := make([]Alt, 0, len(strs))
	for _, s := range strs {
		a := Split(s)
		if t, ok := s.Text(); ok && t == "" && emptyPort != "" {
			pos := OriginOf(s, 0)
			a.Host, a.Implicit = Part{Known: true, Pos: pos}, true
			a.Port = Part{Text: emptyPort, Known: true, Pos: pos}
		}
		alts = append(alts, a)
	}
	return alts
}

// OriginOf returns the origin of the segment holding byte off of the text
// of s; past the end, the last segment's, so an empty suffix still points
// somewhere.
func OriginOf(s Str, off int) token.Pos {
	for _, g := range s {
		if off < len(g.Text) {
			return g.Pos
		}
		off -= len(g.Text)
	}
	if len(s) > 0 {
		return s[len(s)-1].Pos
	}
	return token.NoPos
}
