package resolve

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"strings"
	"testing"

	"github.com/portlint/portlint/internal/addrval"
	"github.com/portlint/portlint/internal/listenapi"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
)

// resolvedSrc is a package whose function use() is handed the
// expressions to resolve, one per argument, in the order of the want
// list below.
const resolvedSrc = `package p

import (
	"cmp"
	"fmt"
	"net"
	"os"
	"strconv"
)

const port = 8080

var host = "localhost" // unexported, assigned once: a constant in effect

var Exported = ":7070" // any importer may change it

type config struct {
	addr string
	port int
}

func helper() string { return ":6060" }

func mk() config { return config{addr: ":2020"} }

func pair() (config, error) { return config{addr: ":2121"}, nil }

// full reads its receiver's field: each call, its receiver's.
func (c config) full() string { return "127.0.0.1" + c.addr }

func f(x string, cfg config) {
	a := ":" + strconv.Itoa(port)
	b := fmt.Sprintf("%s:%d", host, port)
	c := net.JoinHostPort(host, "9090")
	d := os.Getenv("ADDR")
	e := ":5050"
	if x != "" {
		e = ":5051"
	}
	g := "127.0.0.1:" + x
	lit := config{addr: ":4040"}
	ov := mk()
	ov.addr = ":3030" // mk's address never reaches a use
	kept := mk()
	var zp int
	if x != "" {
		zp = 9
	}
	var set config // its zero address never reaches a use: the run of assignments after sets it
	set.port = 1
	set.addr = ":1010"
	var sv string
	set.port = 2
	sv = ":1111"
	tp, _ := pair()
	tp.addr = ":2222" // pair's address never reaches a use
	use(a, b, c, d, e, Exported, helper(), g, lit.addr, cfg.addr, d+":1", ov.addr, kept.addr, lit.full(), cfg.full(), cmp.Or(d, ":5050"), cmp.Or("", e), ":"+strconv.Itoa(zp), set.addr, sv, tp.addr)
}

func use(...string) {}
`

// TestStr resolves each argument of use() and prints its alternatives as
// host:port, "?" for a part not known.
func TestStr(t *testing.T) {
	want := []string{
		":8080",
		"localhost:8080",
		"localhost:9090",
		"?:?",
		":5050 | :5051",
		"?:?",
		":6060",
		"127.0.0.1:?",
		":4040",
		"?:?",
		"?:1",
		":3030",
		"?:?",            // the field's writers: a sink
		"127.0.0.1:4040", // lit's field, through the method
		"?:?",
		"?:? | :5050",   // cmp.Or: the environment's, or the default
		":5050 | :5051", // the first not empty
		":0 | :9",       // an integer's zero value
		":1010",
		":1111",
		":2222",
	}
	r, args := load(t, resolvedSrc)
	if len(args) != len(want) {
		t.Fatalf("%d arguments, want %d", len(args), len(want))
	}
	for i, arg := range args {
		var alts []string
		for _, a := range addrval.SplitAll(r.Str(arg).Strs, "") {
			alts = append(alts, part(a.Host)+":"+part(a.Port))
		}
		if got := strings.Join(alts, " | "); got != want[i] {
			t.Errorf("argument %d: %s, want %s", i, got, want[i])
		}
	}
}

// TestVal checks the record of how a value was built, which fixes read:
// a variable's definitions, a concatenation's operands.
func TestVal(t *testing.T) {
	r, args := load(t, resolvedSrc)
	e := r.Str(args[4])
	if e.Form != FormVar || len(e.Parts) != 2 || !e.Parts[0].Definition() || !e.Parts[1].Definition() {
		t.Errorf("e: form %d with %d parts, want a variable with its two definitions", e.Form, len(e.Parts))
	}
	a := r.Str(args[0])
	if a.Form != FormVar || len(a.Parts) != 1 || a.Parts[0].Form != FormConcat || len(a.Parts[0].Operands()) != 2 {
		t.Errorf("a: want a variable defined by a concatenation of two operands")
	}
	var n int
	a.Each(func(*Val) { n++ })
	if n < 4 {
		t.Errorf("a: Each visited %d vals, want the variable, the concatenation and its operands", n)
	}
}

func part(p addrval.Part) string {
	if !p.Known {
		return "?"
	}
	return p.Text
}

// load type-checks src and returns a resolver for it and the arguments
// of its call of use.
func load(t *testing.T, src string) (*Resolver, []ast.Expr) {
	t.Helper()
	fset := token.NewFileSet()
	file, err := parser.ParseFile(fset, "p.go", src, parser.SkipObjectResolution)
	if err != nil {
		t.Fatal(err)
	}
	info := &types.Info{
		Types:      make(map[ast.Expr]types.TypeAndValue),
		Defs:       make(map[*ast.Ident]types.Object),
		Uses:       make(map[*ast.Ident]types.Object),
		Selections: make(map[*ast.SelectorExpr]*types.Selection),
		Scopes:     make(map[ast.Node]*types.Scope),
		Instances:  make(map[*ast.Ident]types.Instance),
	}
	conf := types.Config{Importer: importer.Default()}
	pkg, err := conf.Check("p", fset, []*ast.File{file}, info)
	if err != nil {
		t.Fatal(err)
	}
	pass := &analysis.Pass{
		Fset: fset, Files: []*ast.File{file}, Pkg: pkg, TypesInfo: info,
		ImportObjectFact: func(types.Object, analysis.Fact) bool { return false },
	}
	insp := inspector.New(pass.Files)
	var args []ast.Expr
	for call := range inspector.New(pass.Files).Root().Preorder((*ast.CallExpr)(nil)) {
		if id, ok := call.Node().(*ast.CallExpr).Fun.(*ast.Ident); ok && id.Name == "use" {
			args = call.Node().(*ast.CallExpr).Args
		}
	}
	return NewResolver(pass, Syntax{insp}, listenapi.DefaultRules, nil), args
}

// TestCounted resolves the variable of a counted loop to each value it
// takes, and sums of integers to each sum, in the loop's body.
func TestCounted(t *testing.T) {
	r, args := load(t, `package p

import "strconv"

const base = 8090

func f() {
	for i := 0; i < 3; i++ {
		use(":" + strconv.Itoa(base+i))
	}
}

func use(...string) {}
`)
	v := r.Str(args[0])
	var alts []string
	for _, a := range addrval.SplitAll(v.Strs, "") {
		alts = append(alts, part(a.Host)+":"+part(a.Port))
	}
	if got := strings.Join(alts, " | "); got != ":8090 | :8091 | :8092" {
		t.Errorf("values %s, want :8090 | :8091 | :8092", got)
	}
	loop := false
	v.Each(func(p *Val) { loop = loop || p.Loop != nil })
	if !loop {
		t.Error("no part of the value is taken in a loop")
	}
}
