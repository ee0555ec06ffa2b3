package addrval

import (
	"go/token"
	"reflect"
	"testing"
)

// host and port build known parts.
func host(text string, pos token.Pos) Part { return Part{Text: text, Known: true, Pos: pos} }
func port(text string, pos token.Pos) Part { return Part{Text: text, Known: true, Pos: pos} }

// withPort is an address with both parts, as SplitAll makes them.
func withPort(h, p Part) Alt { return Alt{Host: h, Port: p, HasPort: true} }

var nothing = Alt{HasPort: true} // neither part known

func TestSplit(t *testing.T) {
	for _, tc := range []struct {
		name string
		s    Str
		want Alt
	}{
		// Constant: net.SplitHostPort, origins by byte offset.
		{"port only", Str{k(":8080", 1)}, withPort(host("", 1), port("8080", 1))},
		{"three constants", Str{k("localhost", 1), k(":", 2), k("8080", 3)}, withPort(host("localhost", 1), port("8080", 3))},
		{"port in its own constant", Str{k("127.0.0.1:", 1), k("8080", 2)}, withPort(host("127.0.0.1", 1), port("8080", 2))},
		{"empty constants hold no byte", Str{k("", 1), k(":80", 2), k("", 3)}, withPort(host("", 2), port("80", 2))},
		{"empty port: last origin", Str{k("localhost:", 1), k("", 2)}, withPort(host("localhost", 1), port("", 2))},
		{"brackets", Str{k("[::1]:80", 1)}, withPort(host("::1", 1), port("80", 1))},
		{"zone", Str{k("[fe80::1%eth0]:0", 1)}, withPort(host("fe80::1%eth0", 1), port("0", 1))},
		{"service name", Str{k("localhost:http", 1)}, withPort(host("localhost", 1), port("http", 1))},
		{"unix path", Str{k("/tmp/app.sock", 1)}, nothing},
		{"IPv6 without brackets", Str{k("::1:80", 1)}, nothing},
		{"no port", Str{k("[::1]", 1)}, nothing},
		{"empty", Str{k("", 1)}, nothing},
		{"no segments", nil, nothing},

		// Holes: the last constant colon divides.
		{"hole before the colon", Str{hole, k(":8080", 2)}, Alt{Port: port("8080", 2), HasPort: true}},
		{"named hole before the colon", Str{named(keyA, 1), k(":8080", 2)}, Alt{Port: port("8080", 2), HasPort: true}},
		{"port after the colon's constant: colon's origin", Str{hole, k(":", 2), k("8080", 3)}, Alt{Port: port("8080", 2), HasPort: true}},
		{"empty port: next origin", Str{hole, k(":", 2), k("", 3)}, Alt{Port: port("", 3), HasPort: true}},
		{"empty port at the end", Str{hole, k(":", 2)}, Alt{Port: port("", 2), HasPort: true}},
		{"hole after the colon", Str{k("localhost:", 1), hole}, Alt{Host: host("localhost", 1), HasPort: true}},
		{"hole in the port", Str{k("localhost:80", 1), hole}, Alt{Host: host("localhost", 1), HasPort: true}},
		{"host from several constants: first origin", Str{k("local", 1), k("host", 2), k(":", 3), named(keyA, 4)}, Alt{Host: host("localhost", 1), HasPort: true}},
		{"host origin even when empty", Str{k("", 1), k("localhost:", 2), hole}, Alt{Host: host("localhost", 1), HasPort: true}},
		{"bracketed host", Str{k("[::1]:", 1), hole}, Alt{Host: host("::1", 1), HasPort: true}},
		{"bracketed host over constants", Str{k("[", 1), k("::1", 2), k("]:", 3), hole}, Alt{Host: host("::1", 1), HasPort: true}},
		{"colon in the host", Str{k("::1:", 1), hole}, nothing},
		{"bracket inside the colon's constant", Str{k("[::1", 1), hole}, nothing},
		{"stray bracket", Str{k("a]:", 1), hole}, nothing},
		{"last colon wins", Str{k("a:b", 1), hole, k(":80", 2)}, Alt{Port: port("80", 2), HasPort: true}},
		{"colon only in a hole's text", Str{{Text: ":80"}, k("x", 2)}, nothing},
		{"no colon", Str{k("localhost", 1), hole}, nothing},
		{"only a hole", Str{hole}, nothing},
	} {
		if got := Split(tc.s); got != tc.want {
			t.Errorf("%s: Split(%v) = %+v, want %+v", tc.name, tc.s, got, tc.want)
		}
	}
}

func TestSplitAll(t *testing.T) {
	implicit := func(p string, pos token.Pos) Alt {
		return Alt{Host: host("", pos), Port: port(p, pos), HasPort: true, Implicit: true}
	}
	for _, tc := range []struct {
		name      string
		strs      []Str
		emptyPort string
		want      []Alt
	}{
		{"none", nil, "80", []Alt{}},
		{"empty address with a default", Known("", 5), "80", []Alt{implicit("80", 5)}},
		{"empty address over constants", []Str{{k("", 5), k("", 6)}}, "http", []Alt{implicit("http", 6)}},
		{"no segments with a default", []Str{nil}, "80", []Alt{implicit("80", token.NoPos)}},
		{"empty address without a default", Known("", 5), "", []Alt{nothing}},
		{"empty port is not an empty address", Known(":", 5), "80", []Alt{withPort(host("", 5), port("", 5))}},
		{"hole", Unknown(), "80", []Alt{nothing}},
		{
			"each alternative in order",
			Union(Known(":8080", 1), Known("", 2), cat(Known("localhost:", 3), Unknown())),
			"443",
			[]Alt{withPort(host("", 1), port("8080", 1)), implicit("443", 2), {Host: host("localhost", 3), HasPort: true}},
		},
	} {
		if got := SplitAll(tc.strs, tc.emptyPort); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s: SplitAll = %+v, want %+v", tc.name, got, tc.want)
		}
	}
}

func TestOriginOf(t *testing.T) {
	s := Str{k("", 1), k("ab", 2), hole, k("", 4), k("c", 5), k("", 6)}
	for _, tc := range []struct {
		s    Str
		off  int
		want token.Pos
	}{
		{s, 0, 2},
		{s, 1, 2},
		{s, 2, 5},
		{s, 3, 6}, // the end: the last segment
		{s, 10, 6},
		{Str{k("abc", 7)}, 3, 7},
		{Str{hole}, 0, token.NoPos},
		{Str{{Text: "xy", Pos: 1}, k("z", 2)}, 2, 2}, // a hole's text still counts
		{nil, 0, token.NoPos},
	} {
		if got := OriginOf(tc.s, tc.off); got != tc.want {
			t.Errorf("OriginOf(%v, %d) = %d, want %d", tc.s, tc.off, got, tc.want)
		}
	}
}
