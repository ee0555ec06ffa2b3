package addrval

import (
	"go/token"
	"reflect"
	"strings"
	"testing"
)

// param stands for a traced parameter: holes are named by identity, as
// the analyzer names them by *types.Var.
type param struct{ name string }

var keyA, keyB = &param{"a"}, &param{"b"}

// cat concatenates values left to right, as a chain of + does.
func cat(vals ...[]Str) []Str {
	out := []Str{nil}
	for _, v := range vals {
		out = Concat(out, v)
	}
	return out
}

// k and hole are single segments, for writing expected values.
func k(text string, pos token.Pos) Seg { return Seg{Text: text, Known: true, Pos: pos} }

var hole = Seg{}

func named(key any, pos token.Pos) Seg { return Seg{Hole: key, Pos: pos} }

// alts returns n alternatives "0", "1", … at positions 1, 2, ….
func alts(n int) []Str {
	var out []Str
	for i := range n {
		out = Union(out, Known(string(rune('0'+i)), token.Pos(i+1)))
	}
	return out
}

// segs returns one alternative of n known segments of text at positions
// from, from+1, ….
func segs(n int, text string, from token.Pos) []Str {
	s := make(Str, n)
	for i := range s {
		s[i] = k(text, from+token.Pos(i))
	}
	return []Str{s}
}

func TestConstructors(t *testing.T) {
	for _, tc := range []struct {
		name      string
		got, want []Str
	}{
		{"Unknown", Unknown(), []Str{{hole}}},
		{"Known", Known(":8080", 7), []Str{{k(":8080", 7)}}},
		{"Known empty", Known("", 7), []Str{{k("", 7)}}},
		{"Named", Named(keyA, 9), []Str{{named(keyA, 9)}}},
	} {
		if !reflect.DeepEqual(tc.got, tc.want) {
			t.Errorf("%s = %v, want %v", tc.name, tc.got, tc.want)
		}
	}
}

func TestText(t *testing.T) {
	for _, tc := range []struct {
		s    Str
		want string
		ok   bool
	}{
		{nil, "", true},
		{Str{k("", 1)}, "", true},
		{Str{k("localhost", 1), k(":", 2), k("8080", 3)}, "localhost:8080", true},
		{Str{k("localhost:", 1), hole}, "", false},
		{Str{named(keyA, 1), k(":8080", 2)}, "", false},
		{Str{{Text: ":8080"}}, "", false}, // a hole's text is not its value
	} {
		if got, ok := tc.s.Text(); got != tc.want || ok != tc.ok {
			t.Errorf("%v.Text() = %q, %v, want %q, %v", tc.s, got, ok, tc.want, tc.ok)
		}
	}
}

func TestConcat(t *testing.T) {
	for _, tc := range []struct {
		name    string
		a, b    []Str
		want    []Str
		wantLen int // checked instead of want when want is nil
	}{
		{
			name: "segments kept apart",
			a:    Known("localhost", 1), b: cat(Known(":", 2), Known("8080", 3)),
			want: []Str{{k("localhost", 1), k(":", 2), k("8080", 3)}},
		},
		{
			name: "cross product in order",
			a:    Union(Known("a", 1), Known("b", 2)), b: Union(Known(":1", 3), Known(":2", 4)),
			want: []Str{{k("a", 1), k(":1", 3)}, {k("a", 1), k(":2", 4)}, {k("b", 2), k(":1", 3)}, {k("b", 2), k(":2", 4)}},
		},
		{
			name: "with a hole",
			a:    Known("localhost:", 1), b: Unknown(),
			want: []Str{{k("localhost:", 1), hole}},
		},
		{name: "no alternatives on the left", a: nil, b: Known("x", 1), want: []Str{}},
		{name: "no alternatives on the right", a: Known("x", 1), b: nil, want: []Str{}},
		{name: "MaxAlts products kept", a: alts(4), b: alts(4), wantLen: MaxAlts},
		{name: "past MaxAlts", a: alts(3), b: alts(6), want: Unknown()},
		{name: "MaxAlts times one", a: alts(MaxAlts), b: Known(":", 1), wantLen: MaxAlts},
	} {
		got := Concat(tc.a, tc.b)
		if tc.want != nil {
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("%s: Concat = %v, want %v", tc.name, got, tc.want)
			}
		} else if len(got) != tc.wantLen {
			t.Errorf("%s: Concat has %d alternatives, want %d", tc.name, len(got), tc.wantLen)
		}
	}
	if got := Concat(segs(MaxSegs-1, "x", 1), Known("y", 100)); len(got) != 1 || len(got[0]) != MaxSegs {
		t.Errorf("MaxSegs segments: Concat = %v, want them kept apart", got)
	}
}

// TestCompaction checks what happens to an alternative past MaxSegs.
func TestCompaction(t *testing.T) {
	for _, tc := range []struct {
		name string
		a, b []Str
		want Str
	}{
		{
			name: "known text merges, first origin kept",
			a:    segs(MaxSegs, "x", 1), b: Known("y", 100),
			want: Str{k(strings.Repeat("x", MaxSegs)+"y", 1)},
		},
		{
			name: "anonymous holes merge, known text around them too",
			a:    cat(Known("a", 1), Unknown(), Unknown(), segs(MaxSegs-4, "x", 10), Unknown()),
			b:    cat(Unknown(), Known(":", 50), Known("80", 51)),
			want: Str{k("a", 1), hole, k(strings.Repeat("x", MaxSegs-4), 10), hole, k(":80", 50)},
		},
		{
			name: "named holes never merge",
			a:    cat(Named(keyA, 1), Named(keyA, 2), Unknown(), Named(keyB, 3), segs(MaxSegs-4, "x", 10)),
			b:    Named(keyB, 60),
			want: Str{named(keyA, 1), named(keyA, 2), hole, named(keyB, 3), k(strings.Repeat("x", MaxSegs-4), 10), named(keyB, 60)},
		},
	} {
		got := Concat(tc.a, tc.b)
		if len(got) != 1 || !reflect.DeepEqual(got[0], tc.want) {
			t.Errorf("%s: Concat = %v, want [%v]", tc.name, got, tc.want)
		}
	}

	// Compaction writes to the first segment of the result only, never
	// to an operand.
	a := segs(MaxSegs, "x", 1)
	Concat(a, Known("y", 100))
	if a[0][0].Text != "x" {
		t.Errorf("Concat changed its operand's first segment to %q", a[0][0].Text)
	}

	// After compaction, a port written in its own constant has the
	// origin of the merged segment.
	addr := cat(Known("localhost", 1), Known(":", 2), segs(MaxSegs-3, "", 3), Known("8080", 100))
	if n := len(addr[0]); n != MaxSegs {
		t.Fatalf("setup: %d segments, want %d", n, MaxSegs)
	}
	if got := Split(addr[0]).Port.Pos; got != 100 {
		t.Errorf("before compaction, the port is written at %d, want 100", got)
	}
	addr = Concat(addr, Known("", 101))
	if got := Split(addr[0]).Port; got != (Part{Text: "8080", Known: true, Pos: 1}) {
		t.Errorf("after compaction, the port is %+v, want 8080 at 1", got)
	}
}

func TestUnion(t *testing.T) {
	for _, tc := range []struct {
		name    string
		sets    [][]Str
		want    []Str
		wantLen int // checked instead of want when want is nil
	}{
		{name: "nothing", sets: nil, want: []Str(nil)},
		{name: "empty sets", sets: [][]Str{nil, {}}, want: []Str(nil)},
		{
			name: "in order, duplicates kept",
			sets: [][]Str{Known(":80", 1), Union(Known(":81", 2), Known(":80", 1))},
			want: []Str{{k(":80", 1)}, {k(":81", 2)}, {k(":80", 1)}},
		},
		{name: "MaxAlts kept", sets: [][]Str{alts(MaxAlts - 1), Unknown()}, wantLen: MaxAlts},
		{name: "past MaxAlts", sets: [][]Str{alts(MaxAlts), Known("x", 99)}, want: Unknown()},
	} {
		got := Union(tc.sets...)
		if tc.want != nil || tc.wantLen == 0 {
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("%s: Union = %#v, want %#v", tc.name, got, tc.want)
			}
		} else if len(got) != tc.wantLen {
			t.Errorf("%s: Union has %d alternatives, want %d", tc.name, len(got), tc.wantLen)
		}
	}
}

func TestSubstitute(t *testing.T) {
	ports := Union(Known("8080", 10), Known("9090", 11))
	for _, tc := range []struct {
		name string
		strs []Str
		key  any
		vals []Str
		want []Str
	}{
		{
			name: "whole address",
			strs: Named(keyA, 1), key: keyA, vals: Known(":8080", 10),
			want: []Str{{k(":8080", 10)}},
		},
		{
			name: "port of each caller",
			strs: cat(Known("localhost:", 1), Named(keyA, 2)), key: keyA, vals: ports,
			want: []Str{{k("localhost:", 1), k("8080", 10)}, {k("localhost:", 1), k("9090", 11)}},
		},
		{
			name: "other key and anonymous holes left alone",
			strs: cat(Named(keyA, 1), Known(":", 2), Named(keyB, 3), Unknown()), key: keyA, vals: Known("h", 10),
			want: []Str{{k("h", 10), k(":", 2), named(keyB, 3), hole}},
		},
		{
			name: "second key",
			strs: []Str{{k("h", 10), k(":", 2), named(keyB, 3)}}, key: keyB, vals: Known("80", 11),
			want: []Str{{k("h", 10), k(":", 2), k("80", 11)}},
		},
		{
			name: "a key of another type is another key",
			strs: Named("a", 1), key: keyA, vals: Known("x", 10),
			want: Named("a", 1),
		},
		{
			name: "each alternative",
			strs: Union(Named(keyA, 1), cat(Known("127.0.0.1:", 2), Named(keyA, 3))), key: keyA, vals: Known("80", 10),
			want: []Str{{k("80", 10)}, {k("127.0.0.1:", 2), k("80", 10)}},
		},
		{
			name: "a key used twice",
			strs: cat(Named(keyA, 1), Known(":", 2), Named(keyA, 3)), key: keyA, vals: ports,
			want: []Str{
				{k("8080", 10), k(":", 2), k("8080", 10)},
				{k("8080", 10), k(":", 2), k("9090", 11)},
				{k("9090", 11), k(":", 2), k("8080", 10)},
				{k("9090", 11), k(":", 2), k("9090", 11)},
			},
		},
		{
			name: "an offset of the key: each value plus its constant, at the sum",
			strs: cat(Known(":", 1), Named(Offset{Key: keyA, Add: 1000}, 2)), key: keyA, vals: ports,
			want: []Str{{k(":", 1), k("9080", 2)}, {k(":", 1), k("10090", 2)}},
		},
		{
			name: "an offset of a value not an integer: unknown",
			strs: Named(Offset{Key: keyA, Add: 1}, 2), key: keyA, vals: Union(Known("80", 10), Known("http", 11)),
			want: Unknown(),
		},
		{
			name: "an offset of another key is left alone",
			strs: Named(Offset{Key: keyB, Add: 1}, 2), key: keyA, vals: ports,
			want: Named(Offset{Key: keyB, Add: 1}, 2),
		},
		{
			name: "no values: no alternatives",
			strs: Named(keyA, 1), key: keyA, vals: nil,
			want: []Str(nil),
		},
		{
			name: "cross product past MaxAlts: that alternative is unknown",
			strs: cat(Named(keyA, 1), Named(keyA, 2), Known(":80", 3)), key: keyA, vals: alts(5),
			want: []Str{{hole, k(":80", 3)}},
		},
		{
			name: "alternatives past MaxAlts: unknown",
			strs: Union(Named(keyA, 1), Named(keyA, 2)), key: keyA, vals: alts(9),
			want: Unknown(),
		},
	} {
		if got := Substitute(tc.strs, tc.key, tc.vals); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s: Substitute = %v, want %v", tc.name, got, tc.want)
		}
	}
}
