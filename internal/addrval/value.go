package addrval

import (
	"go/token"
	"slices"
	"strconv"
	"strings"
)

// Seg is one piece of a string value: constant text, or a hole.
type Seg struct {
	Text  string
	Known bool
	Pos   token.Pos // where the text was written (a literal, or a constant's declaration)
	// Hole names an unknown segment that Substitute may later replace (a
	// parameter whose callers are all known); nil for an anonymous hole
	// or known text. It is compared with ==.
	Hole any
}

// Str is one alternative value of a string expression.
type Str []Seg

// MaxAlts bounds the alternatives tracked per expression; past it the
// value is Unknown, which keeps resolution linear and silent when unsure.
const MaxAlts = 16

// MaxSegs bounds the segments of an alternative: past it, adjacent known
// segments and adjacent anonymous holes merge (see compact), so a chain
// of thousands of + stays linear.
const MaxSegs = 32

// Unknown is a value nothing is known about.
func Unknown() []Str { return []Str{{{}}} }

// Known is the constant text written at pos.
func Known(text string, pos token.Pos) []Str {
	return []Str{{{Text: text, Known: true, Pos: pos}}}
}

// Named is an unknown value that Substitute may replace by key; pos is
// where it is used.
func Named(key any, pos token.Pos) []Str {
	return []Str{{{Hole: key, Pos: pos}}}
}

// Concat is the value of a + b: the cross product of their alternatives,
// or Unknown when that has more than MaxAlts.
func Concat(a, b []Str) []Str {
	if len(a)*len(b) > MaxAlts {
		return Unknown()
	}
	out := make([]Str, 0, len(a)*len(b))
	for _, x := range a {
		for _, y := range b {
			// A fresh slice: compact writes to its first segment, and x
			// is shared by every y.
			s := make(Str, 0, len(x)+len(y))
			s = append(append(s, x...), y...)
			if len(s) > MaxSegs {
				s = compact(s)
			}
			out = append(out, s)
		}
	}
	return out
}

// compact merges adjacent known segments (keeping the first one's
// origin), and adjacent anonymous holes, in place. Named holes never
// merge: Substitute must still find each of them. s is not empty.
func compact(s Str) Str {
	out := s[:1:1]
	for _, g := range s[1:] {
		last := &out[len(out)-1]
		switch {
		case g.Known && last.Known:
			last.Text += g.Text
		case !g.Known && !last.Known && g.Hole == nil && last.Hole == nil:
			// One hole stands for both.
		default:
			out = append(out, g)
		}
	}
	return out
}

// Union is the value of an expression with several reaching definitions:
// the alternatives of every set in order, duplicates kept, or Unknown
// past MaxAlts.
func Union(sets ...[]Str) []Str {
	out := slices.Concat(sets...)
	if len(out) > MaxAlts {
		return Unknown()
	}
	return out
}

// Text returns the text of s and whether every segment is known.
func (s Str) Text() (string, bool) {
	var b strings.Builder
	for _, g := range s {
		if !g.Known {
			return "", false
		}
		b.WriteString(g.Text)
	}
	return b.String(), true
}

// Empty reports whether s is known to be a zero value, "" or 0: what
// cmp.Or and a default on empty pass over.
func (s Str) Empty() bool {
	t, known := s.Text()
	return known && (t == "" || t == "0")
}

// Offset is the hole of an integer Key plus a constant (port+1000): it
// is replaced, like Key's own hole, by each of Key's values plus Add.
type Offset struct {
	Key any
	Add int64
}

// OrElse is the hole of cmp.Or(Key, …): it is replaced by each of Key's
// values that is not empty, and by Else where one is ("" or 0).
type OrElse struct {
	Key  any
	Else []Str
}

// HoleKey returns the key whose values replace a hole: its own, or that
// of the Offset or OrElse it is.
func HoleKey(hole any) any {
	switch h := hole.(type) {
	case Offset:
		return h.Key
	case *OrElse:
		return h.Key
	}
	return hole
}

// Substitute replaces each segment whose Hole is key by each of vals, as
// if the hole had been the expression vals resolve to, an Offset of key
// by each of vals plus its Add, and an OrElse of key by each of vals or
// its Else. The bounds of Concat and Union apply. key must not be nil,
// which known text and anonymous holes would match.
func Substitute(strs []Str, key any, vals []Str) []Str {
	var out []Str
	for _, alt := range strs {
		cur := []Str{nil}
		for _, g := range alt {
			with := []Str{{g}}
			if HoleKey(g.Hole) == key {
				switch h := g.Hole.(type) {
				case Offset:
					with = shift(vals, h.Add, g.Pos)
				case *OrElse:
					with = orElse(vals, h.Else)
				default:
					with = vals
				}
			}
			cur = Concat(cur, with)
		}
		out = Union(out, cur)
	}
	return out
}

// orElse returns vals, with els in place of the empty ones.
func orElse(vals, els []Str) []Str {
	var out []Str
	for _, v := range vals {
		if v.Empty() {
			out = Union(out, els)
		} else {
			out = Union(out, []Str{v})
		}
	}
	return out
}

// shift returns vals plus add, each a known integer, or Unknown if one is
// not; pos is where the sum is written.
func shift(vals []Str, add int64, pos token.Pos) []Str {
	out := make([]Str, 0, len(vals))
	for _, v := range vals {
		t, ok := v.Text()
		n, err := strconv.ParseInt(t, 10, 64)
		if !ok || err != nil {
			return Unknown()
		}
		out = append(out, Str{{Text: strconv.FormatInt(n+add, 10), Known: true, Pos: pos}})
	}
	return out
}

// HasHole reports whether some value of strs has a named hole.
func HasHole(strs []Str) bool {
	return slices.ContainsFunc(strs, func(alt Str) bool {
		return slices.ContainsFunc(alt, func(g Seg) bool { return g.Hole != nil })
	})
}
