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
	sinks := &sites.SinkState{FuncNames: map[string]bool{}, FieldNames: map[string]bool{}}
	for _, tc := range []struct {
		src      string
		listens  bool
		readsEnv bool
		want     bool
	}{
		{`func f() { x.New() }`, true, false, true},
		{`func f() { x.New() }`, false, true, false}, // nothing listens: a listen API's generic name does not count
		{`var _ = x.T{Addr: a}`, false, true, false},
		{`var _ = x.T{Addr: a}`, true, false, true},
		{`func f() { os.Getenv("PORT") }`, false, true, true},
		{`func f() { os.Getenv("PORT") }`, true, false, false},
		{`func f() { x.Other() }`, true, true, false},
	} {
		var s *sites.SinkState
		if tc.listens {
			s = sinks
		}
		if got := mentionsSites(parse(tc.src), listenapi.DefaultRules, s, tc.readsEnv); got != tc.want {
			t.Errorf("mentionsSites(%q, listens=%v, readsEnv=%v) = %v, want %v", tc.src, tc.listens, tc.readsEnv, got, tc.want)
		}
	}
}
