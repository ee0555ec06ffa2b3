package analyzer

import (
	"go/ast"
	"go/parser"
	"go/token"
	"testing"

	"github.com/portlint/portlint/internal/listenapi"
	"github.com/portlint/portlint/internal/sites"
)

func TestMentionsSites(t *testing.T) {
	parse := func(src string) []*ast.File {
		f, err := parser.ParseFile(token.NewFileSet(), "x.go", "package p\n"+src, 0)
		if err != nil {
			t.Fatal(err)
		}
		return []*ast.File{f}
	}
	sinks := &sites.SinkState{FuncNames: map[string]bool{"serve": true, "fn": true}, FieldNames: map[string]bool{}, ServerNames: map[string]bool{"Start": true}}
	const (
		hertz = "github.com/cloudwego/hertz/pkg/app/server"
		gin   = "github.com/gin-gonic/gin"
	)
	for _, tc := range []struct {
		src      string
		visible  []string // the rule packages the package sees
		self     bool     // the package is a rule's
		listens  bool
		readsEnv bool
		want     bool
	}{
		{`func f() { x.New() }`, []string{hertz}, false, true, false, true},
		{`func f() { x.New() }`, []string{hertz}, false, false, true, false},          // nothing listens: a listen API's generic name does not count
		{`func f() { x.New() }`, []string{"net/http"}, false, true, false, false},     // hertz's New, not seen here
		{`func f() { x.Run(":80") }`, []string{"net", gin}, false, true, false, true}, // gin's Run
		{`func f() { x.Run(":80") }`, []string{"net"}, false, true, false, false},
		{`var _ = x.T{Addr: a}`, []string{"net/http"}, false, false, true, false},
		{`var _ = x.T{Addr: a}`, []string{"net/http"}, false, true, false, true},
		{`var _ = x.T{Addr: a}`, []string{"net"}, false, true, false, false}, // no server of net has an Addr field
		{`func f() { s.Addr = a }`, []string{"net/http"}, false, true, false, true},
		{`func f() { os.Getenv("PORT") }`, nil, false, false, true, true},
		{`func f() { os.Getenv("PORT") }`, []string{"net"}, false, true, false, false},
		// Only a read that may be of $PORT, in some letter case, counts.
		{`func f() { os.Getenv("port") }`, nil, false, false, true, true},
		{`func f() { os.Getenv(name) }`, nil, false, false, true, true},
		{`func f() { os.Getenv("HOME") }`, nil, false, false, true, false},
		{`func f() { os.Getenv("HOME", "x") }`, nil, false, false, true, false},
		{`func f() { x.Other() }`, []string{"net"}, false, true, true, false},
		{`func f() { x.Listen("tcp", a) }`, []string{"net"}, false, true, false, true},
		// A bare name calls the package's own function, a parameter or a
		// local variable: never a listen API or a sink of another package,
		{`func f() { Listen("tcp", a) }`, []string{"net"}, false, true, false, false},
		{`func f(fn func(string)) { fn(a) }`, []string{"net"}, false, true, false, false},
		{`func f() { serve(a); Start() }`, []string{"net"}, false, true, false, false},
		{`func f() { x.serve(a) }`, []string{"net"}, false, true, false, true},
		{`func f() { x.Start() }`, []string{"net"}, false, true, false, true},
		// unless the file dot-imports a package, or the package is a
		// rule's (net/http calling its own ListenAndServe).
		{`import . "net"; func f() { Listen("tcp", a) }`, []string{"net"}, false, true, false, true},
		{`func f() { ListenAndServe(a, nil) }`, []string{"net/http", "net"}, true, true, false, true},
	} {
		var s *sites.SinkState
		if tc.listens {
			s = sinks
		}
		names := &siteNames{rules: listenapi.DefaultRules, self: tc.self, env: "PORT", visible: map[string]bool{}}
		for _, p := range tc.visible {
			names.visible[p] = true
		}
		if got := mentionsSites(parse(tc.src), names, s, tc.readsEnv); got != tc.want {
			t.Errorf("mentionsSites(%q, visible=%q, listens=%v, readsEnv=%v) = %v, want %v", tc.src, tc.visible, tc.listens, tc.readsEnv, got, tc.want)
		}
	}
}
