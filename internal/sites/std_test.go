package sites

import "testing"

// TestStdPackage has a row per rule of StdPackage: which imports a fix
// may delete rather than keep blank, and which packages' facts the fast
// path need not read.
func TestStdPackage(t *testing.T) {
	for _, tc := range []struct {
		path, self string
		want       bool
	}{
		{"strconv", "example.com/app", true},
		{"net/http", "example.com/app", true},
		{"example.com/app/web", "example.com/app/cmd", false},
		{"myapp/web", "myapp/cmd", false},         // a module path without a dot
		{"tracing/config", "tracing/cmd", false},  // GOPATH mode
		{"nosuchpkg/x", "example.com/app", false}, // not in GOROOT
	} {
		if got := StdPackage(tc.path, tc.self); got != tc.want {
			t.Errorf("StdPackage(%q, %q) = %v, want %v", tc.path, tc.self, got, tc.want)
		}
	}
}
