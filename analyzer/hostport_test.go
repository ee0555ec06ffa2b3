package analyzer

import (
	"net"
	"net/netip"
	"testing"
)

func FuzzSplitHostPort(f *testing.F) {
	for _, s := range []string{
		"", ":", ":8080", "localhost:8080", "[::1]:80", "[::1]", "::1", "[fe80::1%eth0]:0",
		"a]:1", "[a]b:1", "[a]:1:2", "[[a]]:1", "0.0.0.0:http", "LOCALHOST.:80", "x.localhost:1",
		"[::ffff:127.0.0.1]:8080", "127.1.2.3:", "[", "]:", ":::",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		host, port, ok := splitHostPort(s)
		wantHost, wantPort, err := net.SplitHostPort(s)
		if ok != (err == nil) {
			t.Fatalf("splitHostPort(%q) ok=%v, net.SplitHostPort err=%v", s, ok, err)
		}
		if ok && (host != wantHost || port != wantPort) {
			t.Fatalf("splitHostPort(%q) = %q, %q; net.SplitHostPort = %q, %q", s, host, port, wantHost, wantPort)
		}
		if !ok {
			return
		}
		// Classification must agree with netip wherever netip parses the host.
		if a, err := netip.ParseAddr(host); err == nil {
			if got, want := hostIsLoopback(host), a.Unmap().IsLoopback(); got != want {
				t.Fatalf("hostIsLoopback(%q) = %v, netip says %v", host, got, want)
			}
			if got, want := hostIsAllInterfaces(host), a.Unmap().IsUnspecified(); got != want {
				t.Fatalf("hostIsAllInterfaces(%q) = %v, netip says %v", host, got, want)
			}
		}
		if hostIsLoopback(host) && hostIsAllInterfaces(host) {
			t.Fatalf("%q is both loopback and all-interfaces", host)
		}
		_ = portIsEphemeral(port)
	})
}

func TestHostClassification(t *testing.T) {
	for host, want := range map[string]bool{
		"localhost": true, "LocalHost": true, "localhost.": true, "api.localhost": true,
		"127.0.0.1": true, "127.9.8.7": true, "::1": true, "::ffff:127.0.0.1": true,
		"0.0.0.0": false, "::": false, "": false, "example.com": false, "10.0.0.1": false,
		"notlocalhost": false, "localhost.example.com": false,
	} {
		if got := hostIsLoopback(host); got != want {
			t.Errorf("hostIsLoopback(%q) = %v, want %v", host, got, want)
		}
	}
	for port, want := range map[string]bool{"": true, "0": true, "00": true, "8080": false, "http": false} {
		if got := portIsEphemeral(port); got != want {
			t.Errorf("portIsEphemeral(%q) = %v, want %v", port, got, want)
		}
	}
}
