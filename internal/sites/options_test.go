package sites

import (
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
)

// TestOptionWrites has a row per rule of optionWritesOf: which option
// constructors provably leave a server's address alone, and what they
// write.
func TestOptionWrites(t *testing.T) {
	const src = `package p

type Listener interface{ Accept() (any, error) }

type Server struct {
	Addr     string
	Timeout  int
	Limits   struct{ Body int }
	Names    []string
	Ln       Listener
	Dial     func() (Listener, error)
	Any      any
	Handler  interface{ Serve() }
	Callback func(string)
}

func (s *Server) init() {}

func setup(*Server) {}

type Option func(*Server)

func Timeout(n int) Option    { return func(s *Server) { s.Timeout = n } }
func Read() Option            { return func(s *Server) { _ = s.Timeout + 1 } }
func Nested(n int) Option     { return func(s *Server) { s.Limits.Body = n } }
func Indexed(n string) Option { return func(s *Server) { s.Names[0] = n } }
func Appended(n string) Option { return func(s *Server) { s.Names = append(s.Names, n) } }
func Incr() Option            { return func(s *Server) { s.Timeout++ } }
func Handler(h interface{ Serve() }) Option { return func(s *Server) { s.Handler = h } }
func Callback(f func(string)) Option { return func(s *Server) { s.Callback = f } }
func Branches(n int) Option {
	if n > 0 {
		return func(s *Server) { s.Timeout = n }
	}
	return func(s *Server) { s.Handler = nil }
}
func Addr(a string) Option        { return func(s *Server) { s.Addr = a } }
func Ln(l Listener) Option        { return func(s *Server) { s.Ln = l } }
func Dial(f func() (Listener, error)) Option { return func(s *Server) { s.Dial = f } }
func AnyValue(v any) Option        { return func(s *Server) { s.Any = v } }
func Method() Option               { return func(s *Server) { s.init() } }
func Passed() Option               { return func(s *Server) { setup(s) } }
func Replaced() Option             { return func(s *Server) { *s = Server{} } }
func Given(o Option) Option        { return o }
func Pointer() Option              { return func(s *Server) { p := &s.Timeout; *p = 1 } }
func Deferred(a string) (o Option) { defer func() { o = func(s *Server) { s.Addr = a } }(); return func(s *Server) {} }
var global int
func Global(n int) Option { return func(s *Server) { global = n } }
func Captured(n int) Option { v := 0; return func(s *Server) { v = n; s.Timeout = v } }
func Local(n int) Option { return func(s *Server) { v := n; v++; s.Timeout = v } }
`
	want := map[string]string{
		"Timeout":  "p.Timeout",
		"Read":     "",
		"Nested":   "p.Limits",
		"Indexed":  "p.Names",
		"Appended": "p.Names",
		"Incr":     "p.Timeout",
		"Handler":  "p.Handler",
		"Callback": "p.Callback",
		"Branches": "p.Handler p.Timeout",
		"Pointer":  "p.Timeout",
		"Local":    "p.Timeout",
		// No fact: the option may move the server.
		"Deferred": "-", "Global": "-", "Captured": "-",
		"Addr": "-", "Ln": "-", "Dial": "-", "AnyValue": "-", "Method": "-", "Passed": "-", "Replaced": "-", "Given": "-",
	}
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	info := &types.Info{Defs: map[*ast.Ident]types.Object{}, Uses: map[*ast.Ident]types.Object{}, Types: map[ast.Expr]types.TypeAndValue{}, Selections: map[*ast.SelectorExpr]*types.Selection{}}
	if _, err := (&types.Config{}).Check("p", fset, []*ast.File{f}, info); err != nil {
		t.Fatal(err)
	}
	for _, d := range f.Decls {
		fd, ok := d.(*ast.FuncDecl)
		if !ok || fd.Recv != nil || !fd.Name.IsExported() {
			continue
		}
		w, ok := want[fd.Name.Name]
		if !ok {
			t.Errorf("%s: no row", fd.Name.Name)
			continue
		}
		writes, has := optionWritesOf(info, fd.Body, litReturned)
		got := "-"
		if has {
			got = strings.Join(writes, " ")
		}
		if got != w {
			t.Errorf("%s: writes %q, want %q", fd.Name.Name, got, w)
		}
	}
}

// TestIfaceOptionWrites has a row per rule of options behind an
// interface (optioniface.go): which constructors' returns are adapters
// around function literals, directly or through a wrapper, or struct
// options whose apply only writes fields, and what they write.
func TestIfaceOptionWrites(t *testing.T) {
	const src = `package p

type Listener interface{ Accept() (any, error) }

type Server struct {
	Addr    string
	Timeout int
	Name    string
	Ln      Listener
}

type Option interface{ apply(*Server) }

type funcOption struct{ f func(*Server) }

func (fo *funcOption) apply(s *Server) { fo.f(s) }

func newFuncOption(f func(*Server)) *funcOption { return &funcOption{f: f} }
func otherWrap(f func(*Server)) *funcOption     { return &funcOption{f: func(s *Server) { f(s); s.Addr = "" }} }

type optionFunc func(*Server)

func (f optionFunc) apply(s *Server) { f(s) }

type nameOption struct{ name string }

func (o nameOption) apply(s *Server) { s.Name = o.name }

type EmptyOption struct{}

func (EmptyOption) apply(*Server) {}

type lnOption struct{ l Listener }

func (o lnOption) apply(s *Server) { s.Ln = o.l }

type hookOption struct{}

func (hookOption) apply(s *Server) { setup(s) }

var count int

type countOption struct{}

func (countOption) apply(*Server) { count++ }

func setup(*Server) {}

func Timeout(n int) Option      { return newFuncOption(func(s *Server) { s.Timeout = n }) }
func Literal(n int) Option      { return &funcOption{f: func(s *Server) { s.Timeout = n }} }
func Positional(n int) Option   { return &funcOption{func(s *Server) { s.Timeout = n }} }
func Converted(n int) Option    { return optionFunc(func(s *Server) { s.Timeout = n }) }
func Name(n string) Option      { return nameOption{name: n} }
func NamePtr(n string) Option   { return &nameOption{n} }
func Empty() Option             { return EmptyOption{} }
func Nothing() Option           { return optionFunc(func(*Server) {}) }
func Either(n int) Option {
	if n > 0 {
		return Timeout(n)
	}
	return nameOption{}
}
func Addr(a string) Option      { return newFuncOption(func(s *Server) { s.Addr = a }) }
func Ln(l Listener) Option      { return lnOption{l} }
func Hook() Option              { return hookOption{} }
func Count() Option             { return countOption{} }
func Wrapped(n int) Option      { return otherWrap(func(s *Server) { s.Timeout = n }) }
func Held() Option              { f := func(s *Server) { s.Timeout = 1 }; return optionFunc(f) }
func Given(o Option) Option     { return o }
`
	want := map[string]string{
		"Timeout":    "p.Timeout",
		"Literal":    "p.Timeout",
		"Positional": "p.Timeout",
		"Converted":  "p.Timeout",
		"Name":       "p.Name",
		"NamePtr":    "p.Name",
		"Empty":      "",
		"Nothing":    "",
		// No fact: the option may move the server, or what it does is
		// not seen (another constructor's option, a wrapper that adds to
		// the function, a function held in a variable).
		"Either": "-", "Addr": "-", "Ln": "-", "Hook": "-", "Count": "-", "Wrapped": "-", "Held": "-", "Given": "-",
	}
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	info := &types.Info{Defs: map[*ast.Ident]types.Object{}, Uses: map[*ast.Ident]types.Object{}, Types: map[ast.Expr]types.TypeAndValue{}, Selections: map[*ast.SelectorExpr]*types.Selection{}}
	pkg, err := (&types.Config{}).Check("p", fset, []*ast.File{f}, info)
	if err != nil {
		t.Fatal(err)
	}
	pass := &analysis.Pass{Pkg: pkg, Files: []*ast.File{f}, TypesInfo: info}
	var ifaces ifaceOptions
	impls := ifaces.of(pass, pkg.Scope().Lookup("Option").Type())
	if impls == nil {
		t.Fatal("Option is not an option interface")
	}
	for _, d := range f.Decls {
		fd, ok := d.(*ast.FuncDecl)
		if !ok || fd.Recv != nil || !fd.Name.IsExported() {
			continue
		}
		w, ok := want[fd.Name.Name]
		if !ok {
			t.Errorf("%s: no row", fd.Name.Name)
			continue
		}
		writes, has := optionWritesOf(info, fd.Body, impls.returned(info))
		got := "-"
		if has {
			got = strings.Join(writes, " ")
		}
		if got != w {
			t.Errorf("%s: writes %q, want %q", fd.Name.Name, got, w)
		}
	}
}
