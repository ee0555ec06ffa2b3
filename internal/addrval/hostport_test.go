package addrval

import (
	"net"
	"net/netip"
	"testing"
)

var splitSeeds = []string{
	"", ":", ":8080", "localhost:8080", "[::1]:80", "[::1]", "::1", "[fe80::1%eth0]:0",
	"a]:1", "[a]b:1", "[a]:1:2", "[[a]]:1", "[a]]:1", "0.0.0.0:http", "LOCALHOST.:80", "x.localhost:1",
	"[::ffff:127.0.0.1]:8080", "127.1.2.3:", "[", "]:", ":::", "[]:", "[:]:1", "a[:1", "[a:1",
}

func FuzzSplitHostPort(f *testing.F) {
	for _, s := range splitSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		host, port, ok := SplitHostPort(s)
		wantHost, wantPort, err := net.SplitHostPort(s)
		if ok != (err == nil) {
			t.Fatalf("SplitHostPort(%q) ok = %v, net.SplitHostPort err = %v", s, ok, err)
		}
		if host != wantHost || port != wantPort {
			t.Fatalf("SplitHostPort(%q) = %q, %q; net.SplitHostPort = %q, %q", s, host, port, wantHost, wantPort)
		}
		// What the analyzer asks of the parts must agree with netip
		// wherever netip parses the host, and never both.
		if a, err := netip.ParseAddr(host); err == nil {
			if got, want := HostIsLoopback(host), a.Unmap().IsLoopback(); got != want {
				t.Fatalf("HostIsLoopback(%q) = %v, netip says %v", host, got, want)
			}
			if got, want := BindHost(host) == "*", a.Unmap().IsUnspecified(); got != want {
				t.Fatalf("BindHost(%q) == \"*\" is %v, netip says %v", host, got, want)
			}
		}
		if HostIsLoopback(host) && BindHost(host) == "*" {
			t.Fatalf("%q is both loopback and all interfaces", host)
		}
		if PortIsEphemeral(port) && ValidPort(port) {
			t.Fatalf("port %q is both ephemeral and valid", port)
		}
	})
}

func TestSplitHostPort(t *testing.T) {
	for _, tc := range []struct {
		in, host, port string
		ok             bool
	}{
		{"localhost:8080", "localhost", "8080", true},
		{":8080", "", "8080", true},
		{":", "", "", true},
		{"127.0.0.1:", "127.0.0.1", "", true},
		{"0.0.0.0:http", "0.0.0.0", "http", true},
		{"[::1]:80", "::1", "80", true},
		{"[fe80::1%eth0]:0", "fe80::1%eth0", "0", true},
		{"[]:80", "", "80", true},
		{"[a:b]:80", "a:b", "80", true},
		{"", "", "", false},
		{"localhost", "", "", false},
		{"::1", "", "", false},
		{"::1:80", "", "", false},
		{"[::1]", "", "", false},
		{"[::1", "", "", false},
		{"a]:1", "", "", false},
		{"a[:1", "", "", false},
		{"[a]b:1", "", "", false},
		{"[a]:1:2", "", "", false},
		{"[[a]]:1", "", "", false},
		{"[a]]:1", "", "", false},
		{"[a]:1]", "", "", false},
	} {
		host, port, ok := SplitHostPort(tc.in)
		if host != tc.host || port != tc.port || ok != tc.ok {
			t.Errorf("SplitHostPort(%q) = %q, %q, %v, want %q, %q, %v", tc.in, host, port, ok, tc.host, tc.port, tc.ok)
		}
		// The table itself must agree with the standard library.
		if _, _, err := net.SplitHostPort(tc.in); (err == nil) != tc.ok {
			t.Errorf("net.SplitHostPort(%q) err = %v, but the table says ok = %v", tc.in, err, tc.ok)
		}
	}
}

func TestHostIsLoopback(t *testing.T) {
	for _, tc := range []struct {
		host string
		want bool
	}{
		{"localhost", true},
		{"LocalHost", true},
		{"localhost.", true},
		{"LOCALHOST.", true},
		{"api.localhost", true},
		{"a.b.LOCALHOST.", true},
		{".localhost", true},
		{"127.0.0.1", true},
		{"127.9.8.7", true},
		{"127.0.0.1.", true}, // trailing dot trimmed, then parsed as an IP
		{"::1", true},
		{"0:0:0:0:0:0:0:1", true},
		{"::1%eth0", true},
		{"::1%.", true}, // the dot is the zone
		{"::ffff:127.0.0.1", true},
		{"::FFFF:127.0.0.1", true},
		{"localhost..", false},
		{"notlocalhost", false},
		{"localhost.example.com", false},
		{"[::1]", false}, // hosts come without brackets
		{"128.0.0.1", false},
		{"0.0.0.0", false},
		{"::", false},
		{"", false},
		{"example.com", false},
		{"10.0.0.1", false},
	} {
		if got := HostIsLoopback(tc.host); got != tc.want {
			t.Errorf("HostIsLoopback(%q) = %v, want %v", tc.host, got, tc.want)
		}
	}
}

func TestBindHost(t *testing.T) {
	for _, tc := range []struct {
		host, want string
	}{
		// All interfaces.
		{"", "*"},
		{"0.0.0.0", "*"},
		{"::", "*"},
		{"0:0:0:0:0:0:0:0", "*"},
		{"::ffff:0.0.0.0", "*"},
		{"::%eth0", "::%eth0"}, // a zone names one interface
		{"0.0.0.0.", "*"},      // the name normalized, as -allow's
		{"[::]", "[::]"},
		// Loopback names bind 127.0.0.1, as net.Listen binds localhost.
		{"localhost", "127.0.0.1"},
		{"LocalHost.", "127.0.0.1"},
		{"x.localhost", "127.0.0.1"},
		{"127.0.0.1", "127.0.0.1"},
		{"example.com", "example.com"},
		// net.Listen rejects a host of digits and dots that is no IP
		// address: it binds nothing.
		{"0", ""}, {"127.1", ""}, {"0.0", ""}, {"10.0.0.256", ""},
		{"0x7f.1", "0x7f.1"},
	} {
		if got := BindHost(tc.host); got != tc.want {
			t.Errorf("BindHost(%q) = %q, want %q", tc.host, got, tc.want)
		}
	}
}

func TestPortIsEphemeral(t *testing.T) {
	for _, tc := range []struct {
		port string
		want bool
	}{
		{"", true},
		{"0", true},
		{"00", true},
		{"000000000000000000000000", true},
		{"8080", false},
		{"http", false},
		{"-0", false},
		{"+0", false},
		{"0x0", false},
		{" 0", false},
	} {
		if got := PortIsEphemeral(tc.port); got != tc.want {
			t.Errorf("PortIsEphemeral(%q) = %v, want %v", tc.port, got, tc.want)
		}
	}
}

func TestValidPort(t *testing.T) {
	for _, tc := range []struct {
		port string
		want bool
	}{
		{"1", true},
		{"8080", true},
		{"65535", true},
		{"08080", true},
		{"http", true},
		{"HTTP", true},
		{"http-alt", true},
		{"80a", true}, // not all digits: a service name
		{"-2", false}, // a negative integer port
		{"-", false},
		{"http-", false},
		{"12-34", false}, // no letter
		{"", false},
		{"0", false},
		{"00", false},
		{"65536", false},
		{"99999999999999999999", false},
		{"http_alt", false},
		{"8080 ", false},
		{"-1", false}, // not a name: no letter (net.Listen fails; TCPAddr{Port: -1} does too)
		{"é", false},
		{"80]", false},
	} {
		if got := ValidPort(tc.port); got != tc.want {
			t.Errorf("ValidPort(%q) = %v, want %v", tc.port, got, tc.want)
		}
	}
}

func TestIsAddressValue(t *testing.T) {
	for _, tc := range []struct {
		values []string
		want   bool
	}{
		{nil, true},
		{[]string{":8080"}, true},
		{[]string{"localhost:http"}, true},
		{[]string{"127.0.0.1:"}, true},
		{[]string{"[::1]:80"}, true},
		{[]string{"8080"}, true},
		{[]string{"65535"}, true},
		{[]string{"::1"}, true},
		{[]string{"[::1]"}, true},
		{[]string{"[::1"}, true}, // each bracket is trimmed on its own
		{[]string{"10.0.0.1"}, true},
		{[]string{"localhost"}, true},
		{[]string{"api.localhost."}, true},
		{[]string{"tcp"}, true},
		{[]string{"unixpacket"}, true},
		{[]string{"tcp", ":8080", "8081"}, true},
		{[]string{"tcp://:9000"}, true},
		{[]string{"udp4://localhost:5000"}, true},
		{[]string{"unix:///tmp/app.sock"}, false},
		{[]string{"http://localhost:80"}, false},
		{[]string{""}, false},
		{[]string{"0"}, false},
		{[]string{"65536"}, false},
		{[]string{"localhost:99999"}, false},
		{[]string{"localhost:a_b"}, false},
		{[]string{"a b:80"}, false},
		{[]string{"a\tb:80"}, false},
		{[]string{"RSA"}, false},
		{[]string{"i/o timeout"}, false},
		{[]string{"example.com"}, false},
		{[]string{"TCP"}, false},
		{[]string{"tcp", "RSA"}, false},
	} {
		if got := IsAddressValue(tc.values); got != tc.want {
			t.Errorf("IsAddressValue(%q) = %v, want %v", tc.values, got, tc.want)
		}
	}
}
