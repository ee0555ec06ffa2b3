package addrval

import "testing"

func TestClassify(t *testing.T) {
	addr := func(h, p string) Alt { return withPort(host(h, 1), port(p, 2)) }
	portOnly := func(p string) Alt { return Alt{Port: port(p, 2), HasPort: true} }
	hostOnly := func(h string) Alt { return Alt{Host: host(h, 1), HasPort: true} }
	var (
		none     = Finding{}
		portF    = Finding{Port: true}
		loopback = Finding{Loopback: true}
		both     = Finding{Port: true, Loopback: true}
	)
	for _, tc := range []struct {
		name string
		alts []Alt
		want Finding
	}{
		{"no alternatives", nil, none},
		{"all interfaces", []Alt{addr("", "8080")}, portF},
		{"loopback", []Alt{addr("localhost", "8080")}, both},
		{"IPv6 loopback", []Alt{addr("::1", "8080")}, both},
		{"service name", []Alt{addr("0.0.0.0", "http")}, portF},
		{"implicit port", []Alt{{Host: host("", 1), Port: port("80", 1), HasPort: true, Implicit: true}}, portF},
		{"unknown port", []Alt{hostOnly("127.0.0.1")}, loopback},
		{"unknown host", []Alt{portOnly("8080")}, portF},
		{"nothing known", []Alt{nothing}, none},
		{"zero value", []Alt{{}}, none},
		{"every alternative hard-coded", []Alt{addr("", "8080"), portOnly("8081")}, portF},
		{"one port unknown", []Alt{addr("localhost", "8080"), hostOnly("localhost")}, loopback},
		{"one host not loopback", []Alt{addr("localhost", "8080"), addr("0.0.0.0", "8080")}, portF},
		{"one host unknown", []Alt{addr("localhost", "8080"), portOnly("8080")}, portF},
		{"every host loopback", []Alt{addr("localhost", "8080"), addr("127.0.0.1", "9090")}, both},
		{"port 0", []Alt{addr("localhost", "0")}, none},
		{"port 00", []Alt{addr("localhost", "00")}, none},
		{"empty port", []Alt{addr("localhost", "")}, none},
		{"one ephemeral silences all", []Alt{addr("localhost", "8080"), addr("localhost", "0")}, none},
		{"ephemeral with an unknown host", []Alt{addr("localhost", "8080"), portOnly("")}, none},
		{"invalid port", []Alt{addr("localhost", "99999")}, none},
		{"one invalid silences all", []Alt{addr("", "8080"), addr("", "a_b")}, none},
		{"no port (IPAddr)", []Alt{{Host: host("127.0.0.1", 1)}}, loopback},
		{"no port: a port text is ignored", []Alt{{Host: host("127.0.0.1", 1), Port: port("0", 2)}}, loopback},
		{"no port beside one", []Alt{{Host: host("::1", 1)}, addr("::1", "8080")}, loopback},
	} {
		got := Classify(tc.alts)
		if got != tc.want {
			t.Errorf("%s: Classify = %+v, want %+v", tc.name, got, tc.want)
		}
		if got.Any() != (tc.want.Port || tc.want.Loopback) {
			t.Errorf("%s: Any() = %v", tc.name, got.Any())
		}
	}
}

func TestDistinct(t *testing.T) {
	alts := []Alt{
		withPort(host("localhost", 1), port("8080", 2)),
		withPort(host("127.0.0.1", 3), port("8081", 4)),
		withPort(host("localhost", 5), port("8080", 6)),
		withPort(host("LOCALHOST", 7), port("8082", 8)),
	}
	for _, tc := range []struct {
		name         string
		alts         []Alt
		f            Finding
		ports, hosts string
	}{
		{"both", alts, Finding{Port: true, Loopback: true}, "8080 or 8081 or 8082", `"localhost" or "127.0.0.1" or "LOCALHOST"`},
		{"ports only", alts, Finding{Port: true}, "8080 or 8081 or 8082", ""},
		{"hosts only", alts, Finding{Loopback: true}, "", `"localhost" or "127.0.0.1" or "LOCALHOST"`},
		{"nothing", alts, Finding{}, "", ""},
		{"one", alts[:1], Finding{Port: true, Loopback: true}, "8080", `"localhost"`},
		{"quoting", []Alt{withPort(host("fe80::1%\"x\"", 1), port("80", 2))}, Finding{Loopback: true}, "", `"fe80::1%\"x\""`},
		{"no alternatives", nil, Finding{Port: true, Loopback: true}, "", ""},
	} {
		ports, hosts := Distinct(tc.alts, tc.f)
		if ports != tc.ports || hosts != tc.hosts {
			t.Errorf("%s: Distinct = %q, %q, want %q, %q", tc.name, ports, hosts, tc.ports, tc.hosts)
		}
	}
}
