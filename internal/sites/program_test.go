package sites

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"strings"
	"testing"

	"golang.org/x/tools/go/ast/inspector"
)

// TestBranches checks the arms the port plan compares to tell servers
// that never run at once: each call of the source is listed with the
// if and case arms it lies in, outermost first.
func TestBranches(t *testing.T) {
	const src = `package p

func f(x bool, m int, ch chan int) {
	if x {
		a()
	} else if m > 0 {
		b()
	} else {
		c()
	}
	switch m {
	case 1:
		d()
	case 2, 3:
		if x {
			e()
		}
	}
	select {
	case <-ch:
		g()
	default:
		h()
	}
	if err := i(); err != nil {
		j()
	}
	k()
}
`
	want := map[string]string{
		"a": "if@4:then",
		"b": "if@4:else if@6:then",
		"c": "if@4:else if@6:else",
		"d": "switch@11:case@12",
		"e": "switch@11:case@14 if@15:then",
		"g": "switch@19:case@20",
		"h": "switch@19:case@22",
		"i": "if@25:then",
		"j": "if@25:then",
		"k": "",
	}
	fset := token.NewFileSet()
	file, err := parser.ParseFile(fset, "p.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	line := func(p token.Pos) int { return fset.Position(p).Line }
	for cur := range inspector.New([]*ast.File{file}).Root().Preorder((*ast.CallExpr)(nil)) {
		name := cur.Node().(*ast.CallExpr).Fun.(*ast.Ident).Name
		var got []string
		for _, b := range branches(cur) {
			switch {
			case b.Arm == 0:
				got = append(got, fmt.Sprintf("if@%d:then", line(b.At)))
			case b.Arm == 1:
				got = append(got, fmt.Sprintf("if@%d:else", line(b.At)))
			default:
				got = append(got, fmt.Sprintf("switch@%d:case@%d", line(b.At), line(b.Arm)))
			}
		}
		if g := strings.Join(got, " "); g != want[name] {
			t.Errorf("%s(): %q, want %q", name, g, want[name])
		}
		delete(want, name)
	}
	if len(want) > 0 {
		t.Errorf("calls not seen: %v", want)
	}
}
