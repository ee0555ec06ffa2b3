package depscan

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestDepScan checks what the scan of a dependency names: the functions,
// methods and fields that may get a sink fact ("f:", "m:", "v:") and
// those that may get a server fact ("S"), by what flows into a listen.
func TestScan(t *testing.T) {
	sees := func(path string) bool { return path == "net" || path == "net/http" }
	for _, tc := range []struct {
		name    string
		src     string
		scanned map[string]bool // what example.com/lib's scan returned
		want    []string
	}{
		{"wrapper", `func Serve(addr string) { http.ListenAndServe(addr, nil) }`, nil,
			[]string{"Sf:Serve", "f:Serve"}},
		{"no listen", `func Serve(addr string) string { return addr }`, nil, nil},
		{"constant address: a server, no sink", `func Serve() { http.ListenAndServe(":80", nil) }`, nil,
			[]string{"Sf:Serve"}},
		{"through a local", `func Serve(port int) { a := fmt.Sprintf(":%d", port); net.Listen("tcp", a) }`, nil,
			[]string{"Sf:Serve", "f:Serve"}},
		{"through a helper", `func Serve(a string) { listen(a) }
func listen(a string) { net.Listen("tcp", a) }`, nil,
			[]string{"Sf:Serve", "f:Serve"}},
		{"the network is no address", `type S struct{ Net, Addr string }
func (s *S) Run() { net.Listen(s.Net, s.Addr) }`, nil,
			[]string{"Sm:Run", "v:Addr"}},
		{"a field read by a getter", `type S struct{ Port int; Logger *log.Logger }
func (s *S) port() int { p := 80; if s.Port != 0 { p = s.Port }; return p }
func (s *S) Start() { s.Logger.Print("start"); net.Listen("tcp", fmt.Sprintf(":%d", s.port())) }`, nil,
			[]string{"Sm:Start", "v:Port"}},
		{"a sink field written by a constructor", `type S struct{ addr string }
func New(a string) *S { return &S{addr: a} }
func (s *S) Start() { net.Listen("tcp", s.addr) }`, nil,
			[]string{"Sf:New", "Sm:Start", "f:New"}},
		{"a server's field", `func New(a string) *http.Server { return &http.Server{Addr: a} }`, nil,
			[]string{"Sf:New", "f:New"}},
		{"a server's field, assigned", `func Set(s *http.Server, a string) { s.Addr = a }`, nil,
			[]string{"Sf:Set", "f:Set"}},
		{"another type's Addr field", `func P(a string) lib.Peer { return lib.Peer{Addr: a} }`, nil, nil},
		{"in a slice of another type", `func P(a string) []lib.Peer { return []lib.Peer{{Addr: a}} }`, nil, nil},
		{"a sink below", `func Run(a string) { lib.Serve(a) }`, map[string]bool{"f:Serve": true},
			[]string{"Sf:Run", "f:Run"}},
		{"a sink below, not called", `func Run(a string) { f := lib.Serve; _ = f }`, map[string]bool{"f:Serve": true}, nil},
		{"a relay", `type F struct{}
func (f *F) Listen(n, a string) { f.with(n, a, f.listen) }
func (f *F) listen(n, a string) { net.Listen(n, a) }
func (f *F) with(n, a string, cb func(string, string)) { cb(n, a) }`, nil,
			[]string{"Sm:Listen", "m:Listen"}},
		{"a callback alone", `func Each(names []string, f func(string)) { for _, n := range names { f(n) } }`, nil, nil},
		{"an implicit port", `func Run(s *http.Server) { s.ListenAndServe() }`, nil, []string{"Sf:Run"}},
		{"words in comments only", `// Listen calls net.Listen(addr).
func Listen(addr string) string { return addr }`, nil, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			name := filepath.Join(dir, "p.go")
			src := "package p\n\nimport (\n\t\"fmt\"\n\t\"log\"\n\t\"net\"\n\t\"net/http\"\n\n\t\"example.com/lib\"\n)\n\nvar _, _, _, _, _ = fmt.Sprint, log.Print, net.Listen, http.Serve, lib.X\n\n" + tc.src + "\n"
			if err := os.WriteFile(name, []byte(src), 0o644); err != nil {
				t.Fatal(err)
			}
			imports := map[string]string{"fmt": "fmt", "log": "log", "net": "net", "net/http": "http", "example.com/lib": "lib"}
			scanned := func(path string) map[string]bool {
				if path == "example.com/lib" {
					return tc.scanned
				}
				return nil
			}
			below := tc.scanned
			got := Scan("example.com/p", []string{name}, imports, sees, scanned, below)
			slices.Sort(got)
			if !slices.Equal(got, tc.want) {
				t.Errorf("Scan = %q, want %q", got, tc.want)
			}
		})
	}
}

// TestDepWants checks which uses of a dependency's objects want its
// facts, given what its scan returned.
func TestDepWants(t *testing.T) {
	dir := t.TempDir()
	depFile := filepath.Join(dir, "dep.go")
	depSrc := `package dep

import "fmt"

type S struct {
	Addr string
	Port int
	Raw  []byte
}

type Option func(*S)

type Namer interface{ Serve(addr string) }

var v = "x"

const port = ":9090"

func Serve(addr string)   {}
func Start()              {}
func Bytes(b []byte)      {}
func Addr() string        { return ":8080" }
func Port() string        { return port }
func Name() string        { return "name" }
func Var() string         { return v }
func Join(a string) string { return a + ":80" }
func Built() string       { return fmt.Sprintf(":%d", 8080) }
func WithX() Option       { return func(*S) {} }
func New(a string, opts ...Option) {}
func Other(o Option)      {}

type C struct {
	Host string
	Port int
}

func (c C) HostPort() string { return fmt.Sprintf("%s:%d", c.Host, c.Port) }
func (c C) Busy() string {
	c.Port++
	return c.Host
}
`
	userSrc := `package main

import "example.com/dep"

func main() {
	dep.Serve(":1")
	dep.Start()
	dep.Bytes(nil)
	_, _, _, _, _, _ = dep.Addr(), dep.Port(), dep.Name(), dep.Var(), dep.Join("x"), dep.Built()
	s := dep.S{Addr: ":2"}
	_ = s.Port
	s.Raw = nil
	dep.New(":3", dep.WithX())
	dep.Other(dep.WithX())
	var n dep.Namer
	n.Serve(":4")
	var c dep.C
	_, _ = c.HostPort(), c.Busy()
}
`
	if err := os.WriteFile(depFile, []byte(depSrc), 0o644); err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	check := func(path, name, src string, imp types.Importer) (*types.Package, *ast.File, *types.Info) {
		f, err := parser.ParseFile(fset, name, src, 0)
		if err != nil {
			t.Fatal(err)
		}
		info := &types.Info{Uses: make(map[*ast.Ident]types.Object)}
		pkg, err := (&types.Config{Importer: imp}).Check(path, fset, []*ast.File{f}, info)
		if err != nil {
			t.Fatal(err)
		}
		return pkg, f, info
	}
	dep, _, _ := check("example.com/dep", depFile, depSrc, importer.Default())
	user, userFile, info := check("example.com/user", filepath.Join(dir, "main.go"), userSrc, importerFunc(func(string) (*types.Package, error) { return dep, nil }))
	names := map[string]bool{"f:Serve": true, "Sf:Start": true, "f:Bytes": true, "v:Addr": true, "v:Port": true, "v:Raw": true, "f:New": true, "m:Serve": true}
	got := make(map[string]bool)
	for id, obj := range info.Uses {
		if obj.Pkg() == dep && wants(fset, user, []*ast.File{userFile}, id, obj, []string{depFile}, func() map[string]bool { return names }, func() bool { return false }, new(writtenMemo)) {
			key := obj.Name()
			if v, ok := obj.(*types.Var); ok && v.IsField() {
				key = "field " + key + " at " + fset.Position(id.Pos()).String()[len(dir)+1:]
			}
			got[key] = true
		}
	}
	want := []string{
		"Serve",        // a sink with an address parameter
		"Start",        // a server: main reads its fact
		"Addr", "Port", // constant addresses, one through a constant of its file
		"Built",                       // an address built of constants
		"HostPort",                    // one of its receiver's fields (resolve.ExportReturnFacts)
		"field Addr at main.go:10:13", // a sink field written
		"WithX",                       // an option passed to a sink
		"New",
	}
	slices.Sort(want)
	keys := slices.Sorted(func(yield func(string) bool) {
		for k := range got {
			if !yield(k) {
				return
			}
		}
	})
	// Not wanted: Bytes (no address parameter), Name, Var, Join (no
	// constant address), the fields Port (read) and Raw (no address),
	// WithX passed to Other (no sink), the interface's Serve, Busy (its
	// receiver changed before it returns).
	if !slices.Equal(keys, want) {
		t.Errorf("wanted:\n%s\nwant:\n%s", strings.Join(keys, "\n"), strings.Join(want, "\n"))
	}
}

type importerFunc func(string) (*types.Package, error)

func (f importerFunc) Import(path string) (*types.Package, error) { return f(path) }

// TestMentionsWord checks the scan's first pass over a file's bytes: a
// word in code counts, in a comment or a literal it does not, and a field
// word only as a key or an assigned field.
func TestMentionsWord(t *testing.T) {
	words := map[string]wordKind{"Listen": refWord, "Addr": fieldWord}
	for _, tc := range []struct {
		src  string
		want bool
	}{
		{"net.Listen(n, a)", true},
		{"// net.Listen(n, a)\nx()", false},
		{"/* Listen */ x()", false},
		{`s := "Listen"; r := 'L'; q := ` + "`Listen`", false},
		{`s := "a \" Listen"`, false},
		{"ListenAndServe(a, h)", false},
		{"x.Listener()", false},
		{"http.Server{Addr: a}", true},
		{"s.Addr = a", true},
		{"s.Addr == a", false},
		{"a := l.Addr()", false},
		{"_ = Addr\n", false},
	} {
		if got := mentionsWord([]byte(tc.src), words); got != tc.want {
			t.Errorf("mentionsWord(%q) = %v, want %v", tc.src, got, tc.want)
		}
	}
}

// TestWritten checks which uses of a field name count as writes, each
// row a statement in a function where s is a struct value, p a pointer
// to one and m a map of them: the field named F is asked.
func TestWritten(t *testing.T) {
	for _, row := range []struct {
		stmt    string
		written bool
	}{
		{"s.F = 1", true},
		{"(s.F) = 1", true},
		{"p.F, s.G = 1, 2", true},
		{"s.F++", true},
		{"_ = &s.F", true},
		{"_ = &(s.F)", true},
		{"_ = T{F: 1}", true},
		{"_ = []T{{F: 1}}", true},
		{"_ = s.F", false},
		{"_ = T{G: s.F}", false},
		{"s.G = s.F", false},
		{"p.F.X = 1", false}, // X is written, not F
		{"s.H[s.F] = 1", false},
		{"f(s.F)", false},
		{"_ = -s.F", false},
	} {
		src := "package p\n\ntype T struct{ F, G int; H map[int]int }\n\nfunc f(int) {}\n\nfunc _(s T, p *T) {\n\t" + row.stmt + "\n}\n"
		fset := token.NewFileSet()
		file, err := parser.ParseFile(fset, "p.go", src, 0)
		if err != nil {
			t.Fatalf("%s: %v", row.stmt, err)
		}
		var id *ast.Ident
		ast.Inspect(file.Decls[len(file.Decls)-1], func(n ast.Node) bool {
			if x, ok := n.(*ast.Ident); ok && x.Name == "F" && id == nil {
				id = x
			}
			return true
		})
		user := types.NewPackage("p", "p")
		if got := new(writtenMemo).written(user, []*ast.File{file}, id); got != row.written {
			t.Errorf("%s: written %v, want %v", row.stmt, got, row.written)
		}
	}
}
