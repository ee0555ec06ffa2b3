package addrval

import (
	"reflect"
	"testing"
)

func TestParseAllow(t *testing.T) {
	for _, tc := range []struct {
		list []string
		want Allow
		err  string
	}{
		{list: nil, want: nil},
		{list: []string{"localhost:6060"}, want: Allow{{"localhost", "6060"}}},
		{list: []string{"*:9090", "localhost:*"}, want: Allow{{"*", "9090"}, {"localhost", "*"}}},
		{list: []string{"LocalHost.:http"}, want: Allow{{"localhost", "http"}}},
		{list: []string{"[::1]:80"}, want: Allow{{"::1", "80"}}},
		{list: []string{":8080"}, want: Allow{{"", "8080"}}},
		{list: []string{"localhost:08080"}, want: Allow{{"localhost", "08080"}}},

		{list: []string{"localhost"}, err: `malformed entry "localhost": want host:port, *:port or host:*`},
		{list: []string{"::1:80"}, err: `malformed entry "::1:80": want host:port, *:port or host:*`},
		{list: []string{"*:*"}, err: `entry "*:*" allows every address; remove portlint instead`},
		{list: []string{"localhost:"}, err: `entry "localhost:" has no port: use localhost:* for any port`},
		{list: []string{"*:"}, err: `entry "*:" has no port: use *:* for any port`},
		{list: []string{"localhost:0"}, err: `entry "localhost:0" has an invalid port "0"`},
		{list: []string{"localhost:65536"}, err: `entry "localhost:65536" has an invalid port "65536"`},
		{list: []string{"localhost:a_b"}, err: `entry "localhost:a_b" has an invalid port "a_b"`},
		{list: []string{"localhost:6060", "bad"}, err: `malformed entry "bad": want host:port, *:port or host:*`},
	} {
		got, err := ParseAllow(tc.list)
		switch {
		case tc.err != "":
			if err == nil || err.Error() != tc.err || got != nil {
				t.Errorf("ParseAllow(%q) = %v, %v, want error %q", tc.list, got, err, tc.err)
			}
		case err != nil:
			t.Errorf("ParseAllow(%q): %v", tc.list, err)
		case !reflect.DeepEqual(got, tc.want):
			t.Errorf("ParseAllow(%q) = %#v, want %#v", tc.list, got, tc.want)
		}
	}
}

func TestAllows(t *testing.T) {
	addr := func(h, p string) Alt { return withPort(host(h, 1), port(p, 2)) }
	for _, tc := range []struct {
		name  string
		allow []string
		alts  []Alt
		want  bool
	}{
		{"empty list", nil, []Alt{addr("localhost", "6060")}, false},
		{"empty list, no alternatives", nil, nil, false},
		{"no alternatives", []string{"localhost:6060"}, nil, true},
		{"exact", []string{"localhost:6060"}, []Alt{addr("localhost", "6060")}, true},
		{"other port", []string{"localhost:6060"}, []Alt{addr("localhost", "6061")}, false},
		{"other host", []string{"localhost:6060"}, []Alt{addr("127.0.0.1", "6060")}, false},
		{"host case and trailing dot", []string{"localhost:6060"}, []Alt{addr("LocalHost.", "6060")}, true},
		{"entry normalized too", []string{"LOCALHOST.:6060"}, []Alt{addr("localhost", "6060")}, true},
		{"ports compared as written", []string{"localhost:08080"}, []Alt{addr("localhost", "8080")}, false},
		{"empty host", []string{":8080"}, []Alt{addr("", "8080")}, true},
		{"empty host is not any host", []string{":8080"}, []Alt{addr("0.0.0.0", "8080")}, false},
		{"any host", []string{"*:9090"}, []Alt{addr("10.0.0.1", "9090")}, true},
		{"any host, even unknown", []string{"*:9090"}, []Alt{{Port: port("9090", 2), HasPort: true}}, true},
		{"any host, port unknown", []string{"*:9090"}, []Alt{{Host: host("", 1), HasPort: true}}, false},
		{"any host, no port", []string{"*:9090"}, []Alt{{Host: host("", 1), Port: port("9090", 2)}}, false},
		{"any port", []string{"localhost:*"}, []Alt{addr("localhost", "1234")}, true},
		{"any port, even unknown", []string{"localhost:*"}, []Alt{{Host: host("localhost", 1), HasPort: true}}, true},
		{"any port, no port", []string{"127.0.0.1:*"}, []Alt{{Host: host("127.0.0.1", 1)}}, true},
		{"any port, host unknown", []string{"localhost:*"}, []Alt{{Port: port("80", 2), HasPort: true}}, false},
		{"every alternative must match", []string{"localhost:6060"}, []Alt{addr("localhost", "6060"), addr("localhost", "6061")}, false},
		{"by different entries", []string{"localhost:6060", "*:6061"}, []Alt{addr("localhost", "6060"), addr("::1", "6061")}, true},
		{"nothing known", []string{"*:9090", "localhost:*"}, []Alt{nothing}, false},
	} {
		allow, err := ParseAllow(tc.allow)
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if got := allow.Allows(tc.alts); got != tc.want {
			t.Errorf("%s: Allows = %v, want %v", tc.name, got, tc.want)
		}
	}
}
