package integration

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestFixCompiles applies portlint -fix to realistic modules, then checks
// what a user would: the module still builds and vets, portlint is now
// silent, and a second -fix changes nothing.
func TestFixCompiles(t *testing.T) {
	for _, tc := range []struct {
		name    string
		fixture string
		flags   []string
		want    []string // substrings of the fixed sources
		notWant []string
	}{
		{
			name: "defaults", fixture: "fixmod",
			want: []string{`net.JoinHostPort("0.0.0.0", cmp.Or(os.Getenv("PORT"), "8080"))`, `net.JoinHostPort(host, cmp.Or(os.Getenv("METRICS_PORT"), "9090"))`, `net.JoinHostPort("localhost", cmp.Or(os.Getenv("DEBUG_PORT"), "6060"))`},
		},
		{
			name: "env and IPv6 host", fixture: "fixmod", flags: []string{"-env=APP_PORT", "-host=::"},
			want: []string{`net.JoinHostPort("::", cmp.Or(os.Getenv("APP_PORT"), "8080"))`, `net.JoinHostPort("::", cmp.Or(os.Getenv("ADMIN_PORT"), "8090"))`, `net.JoinHostPort("localhost", cmp.Or(os.Getenv("DEBUG_PORT"), "6060"))`},
		},
		{
			name: "go1.21 module", fixture: "fixold",
			want: []string{`os.Getenv("PORT")`}, notWant: []string{"cmp.Or"},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := copyDir(t, filepath.Join("testdata", tc.fixture))
			before := readTree(t, dir)

			out, code := run(t, dir, nil, portlintBin, append([]string{"-fix"}, append(tc.flags, "./...")...)...)
			if code != 0 && code != 3 {
				t.Fatalf("portlint -fix exited %d:\n%s", code, out)
			}
			after := readTree(t, dir)
			if equalTrees(before, after) {
				t.Fatalf("portlint -fix changed nothing:\n%s", out)
			}
			all := strings.Join(values(after), "\n")
			for _, w := range tc.want {
				if !strings.Contains(all, w) {
					t.Errorf("fixed sources lack %q", w)
				}
			}
			for _, w := range append(tc.notWant, `"0.0.0.0:8`, `"[::]:8`) { // never a literal all-interfaces address (gosec G102)
				if strings.Contains(all, w) {
					t.Errorf("fixed sources contain %q", w)
				}
			}
			for _, args := range [][]string{{"build", "./..."}, {"vet", "./..."}} {
				if out, code := run(t, dir, nil, "go", args...); code != 0 {
					t.Fatalf("go %s after -fix failed:\n%s\n%s", strings.Join(args, " "), out, dump(after))
				}
			}
			if out, code := run(t, dir, nil, portlintBin, append(tc.flags, "./...")...); code != 0 {
				t.Errorf("portlint still reports after -fix (exit %d):\n%s", code, out)
			}
			run(t, dir, nil, portlintBin, append([]string{"-fix"}, append(tc.flags, "./...")...)...)
			if again := readTree(t, dir); !equalTrees(after, again) {
				t.Errorf("a second -fix changed the sources")
			}
		})
	}
}

func readTree(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := make(map[string]string)
	err := filepath.Walk(dir, func(path string, info os.FileInfo, err error) error {
		if err != nil || info.IsDir() || !strings.HasSuffix(path, ".go") {
			return err
		}
		data, err := os.ReadFile(path)
		files[path] = string(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func equalTrees(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

func values(m map[string]string) []string {
	var out []string
	for _, v := range m {
		out = append(out, v)
	}
	return out
}

func dump(files map[string]string) string {
	var b strings.Builder
	for name, text := range files {
		b.WriteString("-- " + filepath.Base(name) + " --\n" + text)
	}
	return b.String()
}
