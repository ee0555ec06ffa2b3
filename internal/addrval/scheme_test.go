package addrval

import (
	"testing"
)

// TestSplitScheme: a network scheme before the address is cut, and
// named on the alternative; a unix socket's path, or an address after a
// scheme the pass cannot read, has no part known. A row per rule.
func TestSplitScheme(t *testing.T) {
	tcp := func(a Alt) Alt { a.Scheme = "tcp"; return a }
	for _, tc := range []struct {
		name string
		s    Str
		want Alt
	}{
		{"constant", Str{k("tcp://:9000", 1)}, tcp(withPort(host("", 1), port("9000", 1)))},
		{"loopback host", Str{k("udp4://localhost:5000", 1)}, Alt{Host: host("localhost", 1), Port: port("5000", 1), HasPort: true, Scheme: "udp4"}},
		{"bracketed host", Str{k("tcp6://[::1]:80", 1)}, Alt{Host: host("::1", 1), Port: port("80", 1), HasPort: true, Scheme: "tcp6"}},
		{"scheme in its own constant", Str{k("tcp://", 1), k(":9000", 2)}, tcp(withPort(host("", 2), port("9000", 2)))},
		{"scheme over two constants", Str{k("tc", 1), k("p://local", 2), k("host:80", 3)}, tcp(withPort(host("localhost", 2), port("80", 3)))},
		{"hole for the port", Str{k("tcp://localhost:", 1), hole}, tcp(Alt{Host: host("localhost", 1), HasPort: true})},
		{"hole for the address", Str{k("tcp://", 1), hole}, tcp(Alt{HasPort: true})},
		{"hole for the host", Str{k("tcp://", 1), hole, k(":9000", 2)}, tcp(Alt{Port: port("9000", 2), HasPort: true})},
		{"unix socket", Str{k("unix:///tmp/app.sock", 1)}, Alt{HasPort: true, Scheme: "unix"}},
		{"unix socket with a colon", Str{k("unix://localhost:80", 1)}, Alt{HasPort: true, Scheme: "unix"}},
		{"unknown scheme", Str{hole, k("://:9000", 2)}, nothing},
		{"unknown scheme's constant", Str{k("x", 1), hole, k("://:9000", 2)}, nothing},
		{"not a network", Str{k("http://localhost:80", 1)}, nothing},
		{"two schemes", Str{k("tcp://tcp://:80", 1)}, nothing},
		{"upper case", Str{k("TCP://:80", 1)}, nothing},
	} {
		if got := Split(tc.s); got != tc.want {
			t.Errorf("%s: Split(%v) = %+v, want %+v", tc.name, tc.s, got, tc.want)
		}
	}
}

func TestOnlyUnix(t *testing.T) {
	for _, tc := range []struct {
		strs []Str
		want bool
	}{
		{Known("unix:///tmp/a.sock", 1), true},
		{[]Str{{k("unix://", 1), hole}}, true},
		{Union(Known("unix:///a", 1), Known("tcp://:80", 2)), false},
		{Known(":80", 1), false},
		{Unknown(), false},
		{nil, false},
	} {
		if got := OnlyUnix(tc.strs); got != tc.want {
			t.Errorf("OnlyUnix(%v) = %v, want %v", tc.strs, got, tc.want)
		}
	}
}

func TestListensOn(t *testing.T) {
	alt := func(scheme string) Alt { return Alt{Scheme: scheme} }
	for _, tc := range []struct {
		name string
		alts []Alt
		def  Transport
		want Transport
	}{
		{"no scheme: the API's", []Alt{alt("")}, TCP, TCP},
		{"the scheme's", []Alt{alt("udp")}, TCP, UDP},
		{"one of each", []Alt{alt("udp"), alt("tcp6")}, 0, TCP | UDP},
		{"scheme beside the API's", []Alt{alt("udp"), alt("")}, TCP, TCP | UDP},
		{"unknown API", []Alt{alt("")}, 0, 0},
		{"unix", []Alt{alt("unix")}, TCP, 0},
		{"none", nil, UDP, UDP},
	} {
		if got := ListensOn(tc.alts, tc.def); got != tc.want {
			t.Errorf("%s: ListensOn = %d, want %d", tc.name, got, tc.want)
		}
	}
}

// FuzzCutScheme: cutting a scheme never panics, and what it cuts is the
// front of the text.
func FuzzCutScheme(f *testing.F) {
	for _, s := range []string{"tcp://:9000", "unix:///x", "://", "tcp:/", ""} {
		f.Add(s, 3)
	}
	f.Fuzz(func(t *testing.T, text string, at int) {
		at = max(0, min(at, len(text)))
		s := Str{k(text[:at], 1), k(text[at:], 2)}
		scheme, rest, ok := cutScheme(s)
		restText, _ := rest.Text()
		if ok && scheme != "" && scheme+schemeSep+restText != text {
			t.Errorf("cutScheme(%q) = %q, %q", text, scheme, restText)
		}
		_ = Split(s)
	})
}
