package sites

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"testing"

	"golang.org/x/tools/go/ast/inspector"
)

func TestShortType(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"net.TCPAddr", "net.TCPAddr"},
		{"net/http.Server", "http.Server"},
		{"github.com/quic-go/quic-go/http3.Server", "http3.Server"},
		{"github.com/labstack/echo/v5.StartConfig", "echo.StartConfig"}, // a major version names no package
		{"github.com/cloudwego/hertz/pkg/app/server.WithHostPorts", "server.WithHostPorts"},
		{"v2.T", "v2.T"},                          // a one-element path is the name, version or not
		{"example.com/v.T", "v.T"},                // "v" alone is no version
		{"gopkg.in/yaml.v3.Node", "yaml.v3.Node"}, // nor is a version after a dot
		{"", ""},
	} {
		if got := ShortType(tc.in); got != tc.want {
			t.Errorf("ShortType(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestAssignedVar pins which variable holds a value (first: false) or a
// call's first result (first: true) on the shapes the helpers it replaced
// (assignedVar, resultVar) told apart; "-" is none.
func TestAssignedVar(t *testing.T) {
	const src = `package p

func f() (int, error) { return 0, nil }
func g() int         { return 0 }

type S struct{ A int }

func h() {
	a := &S{A: 1}
	var b = S{A: 2}
	c, err := f()
	var d, err2 = f()
	e, k := g(), g()
	var m int
	(m) = g()
	n := (g())
	_, _, _, _, _, _, _, _ = a, b, c, err, d, err2, e, k
	_, _ = m, n
}
`
	fset := token.NewFileSet()
	file, err := parser.ParseFile(fset, "p.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	info := &types.Info{Defs: map[*ast.Ident]types.Object{}, Uses: map[*ast.Ident]types.Object{}}
	if _, err := new(types.Config).Check("p", fset, []*ast.File{file}, info); err != nil {
		t.Fatal(err)
	}
	got := make(map[string]string)
	for cur := range inspector.New([]*ast.File{file}).Root().Preorder((*ast.CompositeLit)(nil), (*ast.CallExpr)(nil)) {
		line := fset.Position(cur.Node().Pos()).Line
		for _, first := range []bool{false, true} {
			name := "-"
			if v := assignedVar(info, cur, first); v != nil {
				name = v.Name()
			}
			got[fmt.Sprintf("%d %v", line, first)] += name
		}
	}
	for key, want := range map[string]string{
		"9 false": "a", "9 true": "a", // &S{…}
		"10 false": "b", "10 true": "b",
		"11 false": "-", "11 true": "c", // c, err := f()
		"12 false": "-", "12 true": "d", // var d, err2 = f()
		"13 false": "ek", "13 true": "ek", // e, k := g(), g()
		"15 false": "m", "15 true": "m", // (m) = g()
		"16 false": "-", "16 true": "-", // n := (g()): the parentheses hold it
	} {
		if got[key] != want {
			t.Errorf("line %s: %q, want %q", key, got[key], want)
		}
	}
}
