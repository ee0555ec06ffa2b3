package driver

import (
	"fmt"
	"go/types"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"testing"
)

func TestMergeEdits(t *testing.T) {
	ins := func(at int, s string) edit { return edit{at, at, s} }
	rep := func(start, end int, s string) edit { return edit{start, end, s} }
	for _, tc := range []struct {
		name string
		x, y []edit
		want []edit // nil: conflict
	}{
		{"disjoint", []edit{rep(0, 2, "a")}, []edit{rep(5, 6, "b")}, []edit{rep(0, 2, "a"), rep(5, 6, "b")}},
		{"identical coalesce", []edit{ins(3, `"os"`), rep(8, 9, "x")}, []edit{ins(3, `"os"`), rep(12, 14, "y")},
			[]edit{ins(3, `"os"`), rep(8, 9, "x"), rep(12, 14, "y")}},
		{"insertions at one point keep order", []edit{ins(3, "a")}, []edit{ins(3, "b")}, []edit{ins(3, "a"), ins(3, "b")}},
		{"same insertions in another order", []edit{ins(3, `"cmp"`), ins(3, `"os"`)}, []edit{ins(3, `"os"`), ins(3, `"cmp"`)},
			[]edit{ins(3, `"cmp"`), ins(3, `"os"`)}},
		{"insertion before replacement", []edit{rep(3, 5, "r")}, []edit{ins(3, "i")}, []edit{ins(3, "i"), rep(3, 5, "r")}},
		{"adjacent replacements", []edit{rep(0, 3, "a")}, []edit{rep(3, 5, "b")}, []edit{rep(0, 3, "a"), rep(3, 5, "b")}},
		{"overlap", []edit{rep(0, 4, "a")}, []edit{rep(3, 5, "b")}, nil},
		{"insertion inside replacement", []edit{rep(0, 4, "a")}, []edit{ins(2, "b")}, nil},
		{"same range, other text", []edit{rep(2, 4, "a")}, []edit{rep(2, 4, "b")}, nil},
	} {
		got, ok := mergeEdits(tc.x, tc.y)
		if ok != (tc.want != nil) || !slices.Equal(got, tc.want) {
			t.Errorf("%s: mergeEdits = %v, %v; want %v", tc.name, got, ok, tc.want)
		}
	}
}

func TestFormatFixed(t *testing.T) {
	pkg := types.NewPackage("example.com/p", "p")
	pkg.SetImports([]*types.Package{
		types.NewPackage("fmt", "fmt"),
		types.NewPackage("net", "net"),
		types.NewPackage("example.com/v2/yaml", "yaml"),
	})
	// The fixes replaced the only uses of fmt and yaml; cmp is new and
	// unknown to pkg, so it stays; the blank import stays.
	src := `package p

import (
	"cmp"
	"fmt"
	"net"
	y2 "example.com/v2/yaml"
	_ "embed"
)

var addr = net.JoinHostPort("0.0.0.0", cmp.Or("", "8080"))
var x = struct{ fmt int }{fmt: 1}
`
	got, err := formatFixed(pkg, []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	want := `package p

import (
	"cmp"
	_ "embed"
	"net"
)

var addr = net.JoinHostPort("0.0.0.0", cmp.Or("", "8080"))
var x = struct{ fmt int }{fmt: 1}
`
	if string(got) != want {
		t.Errorf("formatFixed:\n%s\nwant:\n%s", got, want)
	}
}

func TestUnifiedDiffExact(t *testing.T) {
	old := "a\nb\nc\nd\ne\nf\ng\nh\ni\nj\nk\nl\nm\nn\n"
	new := "a\nB\nc\nd\ne\nf\ng\nh\ni\nj\nk\nl\nm\nn\no\n"
	want := `--- x (old)
+++ x (new)
@@ -1,5 +1,5 @@
 a
-b
+B
 c
 d
 e
@@ -12,3 +12,4 @@
 l
 m
 n
+o
`
	if got := unifiedDiff("x (old)", "x (new)", []byte(old), []byte(new)); got != want {
		t.Errorf("unifiedDiff:\n%s\nwant:\n%s", got, want)
	}
	if got := unifiedDiff("x", "x", []byte(old), []byte(old)); got != "" {
		t.Errorf("unifiedDiff of equal files = %q, want \"\"", got)
	}
}

// TestUnifiedDiffApplies checks on random pairs of files that the diff,
// applied to the old file, gives the new one, and that it is minimal
// where the answer is known (one changed line).
func TestUnifiedDiffApplies(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	randomFile := func() []string {
		lines := make([]string, r.IntN(40))
		for i := range lines {
			lines[i] = strconv.Itoa(r.IntN(6)) + "\n"
		}
		return lines
	}
	for i := range 2000 {
		a := randomFile()
		var b []string
		if i%2 == 0 {
			b = randomFile()
		} else {
			b = slices.Clone(a)
			for range r.IntN(4) {
				if len(b) > 0 {
					j := r.IntN(len(b))
					b = slices.Insert(slices.Delete(b, j, j+1), j, "x\n", "y\n")
				}
			}
		}
		oldText, newText := strings.Join(a, ""), strings.Join(b, "")
		d := unifiedDiff("a", "b", []byte(oldText), []byte(newText))
		if got, err := applyUnified(oldText, d); err != nil || got != newText {
			t.Fatalf("diff of %q -> %q does not apply (%v): got %q\n%s", oldText, newText, err, got, d)
		}
	}
	d := unifiedDiff("a", "b", []byte("1\n2\n3\n"), []byte("1\n9\n3\n"))
	if !strings.HasSuffix(d, "@@ -1,3 +1,3 @@\n 1\n-2\n+9\n 3\n") {
		t.Errorf("one changed line gave:\n%s", d)
	}
	if d := unifiedDiff("a", "b", []byte("x"), []byte("y")); !strings.Contains(d, "\\ No newline at end of file") {
		t.Errorf("no newline marker in:\n%s", d)
	}
}

// applyUnified applies a unified diff to text, checking every context
// and deleted line against it.
func applyUnified(text, diff string) (string, error) {
	if diff == "" {
		return text, nil
	}
	old := splitLines([]byte(text))
	var out []string
	next := 0 // index in old of the first line not yet copied
	lines := strings.SplitAfter(diff, "\n")
	for i := 2; i < len(lines) && lines[i] != ""; i++ {
		l := lines[i]
		if strings.HasPrefix(l, "@@") {
			rng := strings.Fields(l)[1][1:]
			first, _, _ := strings.Cut(rng, ",")
			o0, _ := strconv.Atoi(first)
			if !strings.HasSuffix(rng, ",0") {
				o0-- // 1-based first line; "N,0" names the line before
			}
			out = append(out, old[next:o0]...)
			next = o0
			continue
		}
		if l == "\\ No newline at end of file\n" {
			continue // taken into account with the line before
		}
		body := l[1:]
		if i+1 < len(lines) && lines[i+1] == "\\ No newline at end of file\n" {
			body = strings.TrimSuffix(body, "\n")
		}
		switch l[0] {
		case ' ', '-':
			if next >= len(old) || old[next] != body {
				return "", fmt.Errorf("line %d: %q does not match %q", next+1, body, old[min(next, len(old)-1)])
			}
			if l[0] == ' ' {
				out = append(out, body)
			}
			next++
		case '+':
			out = append(out, body)
		}
	}
	out = append(out, old[next:]...)
	return strings.Join(out, ""), nil
}
