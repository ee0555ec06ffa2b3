package sites

import (
	"fmt"
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"strings"
	"testing"

	"github.com/portlint/portlint/internal/listenapi"
	"github.com/portlint/portlint/internal/resolve"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
)

// TestBranches checks the arms the port plan compares to tell servers
// that never run at once: each call of the source is listed with the
// if and case arms it lies in, outermost first, and the variable each
// arm's condition tests for absence, with the arm taken when it is
// absent (the statements after a guard that exits are its else arm).
func TestBranches(t *testing.T) {
	const src = `package p

import (
	"log"
	"os"
)

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

func guards(x bool) {
	port := os.Getenv("PORT")
	if port == "" {
		a()
		log.Fatal()
	}
	if x {
		return
	}
	b()
	if port != "" {
		c()
	} else {
		d()
	}
	switch port {
	case "":
		e()
	default:
		g()
	}
	switch {
	case x:
	case port == "":
		h()
	}
	v, ok := os.LookupEnv("ADDR")
	if !ok {
		i()
		panic(v)
	}
	if x {
		j()
	}
	k()
}

func a() {}
func b() {}
func c() {}
func d() {}
func e() {}
func g() {}
func h() {}
func i() error { return nil }
func j() {}
func k() {}
`
	want := map[string]string{
		"f.a":      "if@9:then",
		"f.b":      "if@9:else if@11:then",
		"f.c":      "if@9:else if@11:else",
		"f.d":      "switch@16:case@17",
		"f.e":      "switch@16:case@19 if@20:then",
		"f.g":      "switch@24:case@25",
		"f.h":      "switch@24:case@27",
		"f.i":      "", // a condition is in neither arm
		"f.j":      "if@30:then",
		"f.k":      "",
		"guards.a": "if@38:then(port@37=then)",
		"guards.b": "if@38:else(port@37=then) if@42:else",
		"guards.c": "if@38:else(port@37=then) if@42:else if@46:then(port@37=else)",
		"guards.d": "if@38:else(port@37=then) if@42:else if@46:else(port@37=else)",
		"guards.e": "if@38:else(port@37=then) if@42:else switch@51:case@52(port@37=case@52)",
		"guards.g": "if@38:else(port@37=then) if@42:else switch@51:case@54(port@37=case@52)",
		"guards.h": "if@38:else(port@37=then) if@42:else switch@57:case@59(port@37=case@59)",
		"guards.i": "if@38:else(port@37=then) if@42:else if@63:then(v@62=then)",
		"guards.j": "if@38:else(port@37=then) if@42:else if@63:else(v@62=then) if@67:then",
		"guards.k": "if@38:else(port@37=then) if@42:else if@63:else(v@62=then)",
	}
	fset := token.NewFileSet()
	file, err := parser.ParseFile(fset, "p.go", src, parser.SkipObjectResolution)
	if err != nil {
		t.Fatal(err)
	}
	info := &types.Info{
		Types: make(map[ast.Expr]types.TypeAndValue),
		Defs:  make(map[*ast.Ident]types.Object),
		Uses:  make(map[*ast.Ident]types.Object),
	}
	pkg, err := (&types.Config{Importer: importer.Default()}).Check("p", fset, []*ast.File{file}, info)
	if err != nil {
		t.Fatal(err)
	}
	insp := inspector.New([]*ast.File{file})
	res := resolve.NewResolver(&analysis.Pass{Fset: fset, Files: []*ast.File{file}, Pkg: pkg, TypesInfo: info}, resolve.Syntax{insp}, listenapi.DefaultRules, nil)
	sv := &serving{info: info, pkg: pkg, rules: listenapi.DefaultRules, decls: res.Decls, vars: res.Vars, syn: resolve.Syntax{insp}}
	line := func(p token.Pos) int { return fset.Position(p).Line }
	declared := make(map[token.Pos]string)
	for id, obj := range info.Defs {
		if obj != nil {
			declared[obj.Pos()] = id.Name
		}
	}
	arm := func(arm token.Pos) string {
		switch arm {
		case 0:
			return "then"
		case 1:
			return "else"
		}
		return fmt.Sprintf("case@%d", line(arm))
	}
	for cur := range insp.Root().Preorder((*ast.CallExpr)(nil)) {
		id, ok := cur.Node().(*ast.CallExpr).Fun.(*ast.Ident)
		if !ok || len(id.Name) > 1 {
			continue // log.Fatal, panic
		}
		var name string
		for fn := range cur.Enclosing((*ast.FuncDecl)(nil)) {
			name = fn.Node().(*ast.FuncDecl).Name.Name + "." + id.Name
		}
		var got []string
		for _, b := range sv.branches(cur) {
			kind := "switch"
			if b.Arm == 0 || b.Arm == 1 {
				kind = "if"
			}
			s := fmt.Sprintf("%s@%d:%s", kind, line(b.At), arm(b.Arm))
			if b.Tests.IsValid() {
				s += fmt.Sprintf("(%s@%d=%s)", declared[b.Tests], line(b.Tests), arm(b.Absent))
			}
			got = append(got, s)
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
