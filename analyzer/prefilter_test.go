package analyzer

import (
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"testing"

	"github.com/portlint/portlint/internal/listenapi"
	"github.com/portlint/portlint/internal/sites"
	"golang.org/x/tools/go/analysis"
)

// stubs are the packages the rows of TestMentionsSites import: the rules'
// (net, net/http, os, hertz, gin) and x, a library with a sink (Serve),
// a server (Start) and other functions.
var stubs = map[string]string{
	"net":      `package net; type Listener interface{}; func Listen(network, address string) (Listener, error) { return nil, nil }`,
	"net/http": `package http; type Server struct{ Addr string }; func ListenAndServe(addr string, h any) error { return nil }`,
	"os":       `package os; func Getenv(key string) string { return "" }`,
	"github.com/cloudwego/hertz/pkg/app/server": `package server; type Hertz struct{}; func New(opts ...any) *Hertz { return nil }`,
	"github.com/gin-gonic/gin":                  `package gin; type Engine struct{}; func (e *Engine) Run(addr ...string) error { return nil }`,
	"x":                                         `package x; type T struct{ Addr string }; func New() {}; func Other() {}; func Start() {}; func Serve(string) {}; func Run(string) {}; func Listen(string, string) {}`,
}

// stubImporter type-checks the stubs a row imports.
type stubImporter struct {
	fset *token.FileSet
	pkgs map[string]*types.Package
}

func (im *stubImporter) Import(path string) (*types.Package, error) {
	if p, ok := im.pkgs[path]; ok {
		return p, nil
	}
	p, _, _ := im.check(path, stubs[path])
	im.pkgs[path] = p
	return p, nil
}

func (im *stubImporter) check(path, src string) (*types.Package, *ast.File, *types.Info) {
	f, err := parser.ParseFile(im.fset, path+".go", src, 0)
	if err != nil {
		panic(err)
	}
	info := &types.Info{Types: map[ast.Expr]types.TypeAndValue{}, Uses: map[*ast.Ident]types.Object{}, Defs: map[*ast.Ident]types.Object{}, Selections: map[*ast.SelectorExpr]*types.Selection{}}
	conf := types.Config{Importer: im, Error: func(error) {}} // os.Getenv("HOME", "x") is a row
	p, _ := conf.Check(path, im.fset, []*ast.File{f}, info)
	return p, f, info
}

func TestMentionsSites(t *testing.T) {
	const (
		hertz = `import server "github.com/cloudwego/hertz/pkg/app/server"; `
		gin   = `import "github.com/gin-gonic/gin"; `
	)
	for _, tc := range []struct {
		src      string // after "package main" (the pkg of a rule's row); x is a library
		pkg      string // the package's path: "p", or a rule's
		listens  bool
		readsEnv bool
		want     bool
	}{
		{hertz + `func f() { server.New() }`, "p", true, false, true},
		{hertz + `func f() { server.New() }`, "p", false, true, false},                                 // nothing listens: a listen API's generic name does not count
		{`import ("net/http"; "x"); var _ http.Server; func f() { x.New() }`, "p", true, false, false}, // hertz's New, not seen here
		{gin + `func f(e *gin.Engine) { e.Run(":80") }`, "p", true, false, true},                       // gin's Run
		{`import ("net"; "x"); var _ net.Listener; func f() { x.Run(":80") }`, "p", true, false, false},
		{`import "net/http"; var _ = http.Server{Addr: a}`, "p", false, true, false},
		{`import "net/http"; var _ = http.Server{Addr: a}`, "p", true, false, true},
		{`import ("net"; "x"); var _ net.Listener; var _ = x.T{Addr: a}`, "p", true, false, false}, // no server of net has an Addr field
		{`import "net/http"; func f(s *http.Server) { s.Addr = a }`, "p", true, false, true},
		{`import "os"; func f() { os.Getenv("PORT") }`, "p", false, true, true},
		{`import ("os"; "net"); var _ net.Listener; func f() { os.Getenv("PORT") }`, "p", true, false, false},
		// Only a read that may be of $PORT, in some letter case, counts: of
		// a constant name, as sites records reads.
		{`import "os"; func f() { os.Getenv("port") }`, "p", false, true, true},
		{`import "os"; func f() { os.Getenv(a) }`, "p", false, true, false},
		{`import "os"; func f() { os.Getenv("HOME") }`, "p", false, true, false},
		{`import "os"; func f() { os.Getenv("HOME", "x") }`, "p", false, true, false},
		{`import ("net"; "x"); var _ net.Listener; func f() { x.Other() }`, "p", true, true, false},
		{`import "net"; func f() { net.Listen("tcp", a) }`, "p", true, false, true},
		// A bare name calls the package's own function, a parameter or a
		// local variable: never a listen API or a sink of another package,
		{`import "net"; var _ net.Listener; func Listen(string, string) {}; func f() { Listen("tcp", a) }`, "p", true, false, false},
		{`import "net"; var _ net.Listener; func f(fn func(string)) { fn(a) }`, "p", true, false, false},
		{`import "net"; var _ net.Listener; func Serve(string) {}; func Start() {}; func f() { Serve(a); Start() }`, "p", true, false, false},
		// and a call by name only of a function that may make a site: a
		// sink, or a server in a command.
		{`import ("net"; "x"); var _ net.Listener; func f() { x.Serve(a) }`, "p", true, false, true},
		{`import ("net"; "x"); var _ net.Listener; func f() { x.Start() }`, "p", true, false, true},
		{`import ("net"; "x"); var _ net.Listener; func f() { x.Listen("tcp", a) }`, "p", true, false, false},
		// unless the file dot-imports a package, or the package is a
		// rule's (net/http calling its own ListenAndServe).
		{`import . "net"; func f() { Listen("tcp", a) }`, "p", true, false, true},
		{`import "net"; var _ net.Listener; func ListenAndServe(addr string, h any) error { return nil }; func f() { ListenAndServe(a, nil) }`, "net/http", true, false, true},
	} {
		im := &stubImporter{fset: token.NewFileSet(), pkgs: map[string]*types.Package{}}
		pkg, f, info := im.check(tc.pkg, "package main\n"+tc.src+"\nvar a string")
		sinks := &sites.SinkState{FuncNames: map[string]bool{"Serve": true, "fn": true}, FieldNames: map[string]bool{}, ServerNames: map[string]bool{"Start": true}}
		if !tc.listens {
			sinks = nil
		}
		pass := &analysis.Pass{Fset: im.fset, Files: []*ast.File{f}, Pkg: pkg, TypesInfo: info,
			ImportObjectFact: func(obj types.Object, fact analysis.Fact) bool {
				_, sink := fact.(*sites.SinkFact)
				_, server := fact.(*sites.ServerFact)
				return obj.Pkg().Path() == "x" && (sink && obj.Name() == "Serve" || server && obj.Name() == "Start")
			}}
		names := newSiteNames(pass, listenapi.DefaultRules, "PORT")
		if got := mentionsSites(pass.Files, names, sinks, tc.readsEnv); got != tc.want {
			t.Errorf("mentionsSites(%q in %s, listens=%v, readsEnv=%v) = %v, want %v", tc.src, tc.pkg, tc.listens, tc.readsEnv, got, tc.want)
		}
	}
}
