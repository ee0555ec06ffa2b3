package analyzer

import (
	"flag"
	"fmt"
	"go/types"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/portlint/portlint/internal/listenapi"
	"github.com/portlint/portlint/internal/sites"
	"golang.org/x/tools/go/analysis"
	achecker "golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"
)

var updateInferred = flag.Bool("update-inferred", false, "rewrite "+inferredGolden+" from TestRulesInferred")

// inferredGolden says, for each call and field rule, whether inference
// finds it (see TestRulesInferred).
const inferredGolden = "testdata/inferred_rows.txt"

// TestRulesInferred loads the packages the framework rules name from
// integration/testdata/frameworks (the real modules at the versions its
// go.mod pins), with all their dependencies and the standard library,
// from source, runs portlint on all of them, and reports which rows of
// the rule tables inference finds: a sinkFact on the row's function for
// its address argument, or on the row's field.
//
// A framework row is first looked for with the standard library's rows
// only (found "by itself"); if missing, again with the whole table, to
// tell a row that only needs another row from one that inference cannot
// see. The standard library's rows are the table inference starts from:
// none is found by itself, and one is found from another (net.Listen
// from (*net.ListenConfig).Listen) or is a leaf.
//
// The result must equal testdata/inferred_rows.txt, so that a change in
// inference, or in a framework, shows as a diff (-update-inferred
// rewrites it). A row inference finds stays in the table all the same:
// the portlint command computes no facts for other modules, and a row
// needs none.
func TestRulesInferred(t *testing.T) {
	if testing.Short() {
		t.Skip("type-checks and analyzes the real frameworks and their dependencies from source")
	}
	dir, err := filepath.Abs(filepath.Join("..", "integration", "testdata", "frameworks"))
	if err != nil {
		t.Fatal(err)
	}
	var patterns []string
	for _, r := range listenapi.FrameworkRules.Calls {
		patterns = append(patterns, listenapi.PkgOfFullName(r.Fn))
	}
	for _, r := range listenapi.FrameworkRules.Fields {
		patterns = append(patterns, listenapi.PkgOfFullName(r.Typ))
	}
	slices.Sort(patterns)
	patterns = slices.Compact(patterns)

	start := time.Now()
	cfg := &packages.Config{
		Mode: packages.LoadAllSyntax,
		Dir:  dir,
		// The fixture's go.mod and go.sum pin every module, fetched from
		// the module proxy if missing (as TestFrameworks does). No cgo:
		// nothing listens there, and it is slower.
		Env: append(os.Environ(), "GOWORK=off", "CGO_ENABLED=0"),
	}
	pkgs, err := packages.Load(cfg, patterns...)
	if err != nil {
		t.Fatal(err)
	}
	if packages.PrintErrors(pkgs) > 0 {
		t.Fatalf("loading %v in %s failed", patterns, dir)
	}
	loaded := time.Since(start)
	stdOnly := analyzeFacts(t, pkgs, listenapi.NewRuleSet(listenapi.StdRules))
	analyzed := time.Since(start) - loaded
	all := analyzeFacts(t, pkgs, listenapi.DefaultRules)
	t.Logf("loaded %d packages from source in %v; analyzed them in %v (standard library's rows) and %v (all rows)",
		len(all), loaded.Round(time.Millisecond), analyzed.Round(time.Millisecond),
		(time.Since(start) - loaded - analyzed).Round(time.Millisecond))

	var got, report []string
	check := func(family, name, pkg string, param int, lookup func(*types.Package) types.Object) {
		line := family + " " + name
		if param >= 0 {
			line += fmt.Sprintf(" arg %d: ", param)
		} else {
			line += " field: "
		}
		act := stdOnly[pkg]
		var obj types.Object
		if act != nil {
			obj = lookup(act.Package.Types)
		}
		if obj == nil {
			t.Errorf("%s: not found in the loaded packages", name)
			got = append(got, line+"not loaded")
			return
		}
		alone, aloneAt := "missing", ""
		others, othersAt := inferred(stdOnly[pkg], obj, param)
		if family == "framework" {
			alone, aloneAt = others, othersAt
			others, othersAt = inferred(all[pkg], obj, param)
		}
		line += alone
		at := aloneAt
		if !strings.HasPrefix(alone, "found") && others != "missing" {
			line += "; given the other rows, " + others
			at = othersAt
		}
		got = append(got, line)
		report = append(report, line+at)
	}
	for _, rows := range []struct {
		family string
		rules  listenapi.RuleRows
	}{{"std", listenapi.StdRules}, {"framework", listenapi.FrameworkRules}} {
		for _, r := range rows.rules.Calls {
			check(rows.family, r.Fn, listenapi.PkgOfFullName(r.Fn), r.Addr, func(pkg *types.Package) types.Object {
				return lookupFunc(pkg, r.Fn)
			})
		}
		for _, r := range rows.rules.Fields {
			check(rows.family, r.Typ+"."+r.Field, listenapi.PkgOfFullName(r.Typ), -1, func(pkg *types.Package) types.Object {
				return lookupField(pkg, r.Typ, r.Field)
			})
		}
	}
	t.Logf("rows inference finds by itself, from the standard library's rows; for the others, from all other rows:\n%s",
		strings.Join(report, "\n"))

	text := strings.Join(got, "\n") + "\n"
	if *updateInferred {
		if err := os.WriteFile(inferredGolden, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(inferredGolden)
	if err != nil {
		t.Fatal(err)
	}
	if string(want) != text {
		t.Errorf("the rows inference finds differ from %s (-want +got); if intended, rerun with -update-inferred and update the row's comment in rules_frameworks.go and README.md:\n%s",
			inferredGolden, lineDiff(strings.Split(strings.TrimSuffix(string(want), "\n"), "\n"), got))
	}
}

// analyzeFacts runs portlint with the rules on pkgs and their
// dependencies and returns its actions by package path.
func analyzeFacts(t *testing.T, pkgs []*packages.Package, rules *listenapi.RuleSet) map[string]*achecker.Action {
	t.Helper()
	conf := DefaultConfig()
	a := newAnalyzer(&conf, false)
	a.Run = func(pass *analysis.Pass) (any, error) { return run(pass, &conf, rules) }
	graph, err := achecker.Analyze([]*analysis.Analyzer{a}, pkgs, nil)
	if err != nil {
		t.Fatal(err)
	}
	acts := make(map[string]*achecker.Action)
	for act := range graph.All() {
		if act.Analyzer != a {
			continue
		}
		if act.Err != nil {
			t.Errorf("portlint on %s: %v", act.Package.PkgPath, act.Err)
		}
		acts[act.Package.PkgPath] = act
	}
	return acts
}

// inferred says whether act, the action of obj's package, has a sinkFact
// on obj for the parameter (-1 for a field), and where the listen site
// it found is.
func inferred(act *achecker.Action, obj types.Object, param int) (status, at string) {
	var f sites.SinkFact
	if !act.ObjectFact(obj, &f) {
		return "missing", ""
	}
	for _, s := range f.Sinks {
		if s.Param == param {
			if s.Port {
				return "port only", " (" + s.At + ")"
			}
			return "found via " + s.API, " (" + s.At + ")"
		}
	}
	return "missing", " (" + f.String() + ")"
}

// lookupFunc returns the function or method of pkg whose full name is fn.
func lookupFunc(pkg *types.Package, fn string) *types.Func {
	scope := pkg.Scope()
	for _, name := range scope.Names() {
		switch obj := scope.Lookup(name).(type) {
		case *types.Func:
			if obj.FullName() == fn {
				return obj
			}
		case *types.TypeName:
			if n, ok := obj.Type().(*types.Named); ok {
				for m := range n.Methods() {
					if m.FullName() == fn {
						return m
					}
				}
			}
		}
	}
	return nil
}

// lookupField returns the field of the struct type typ ("pkg.Type") of
// pkg.
func lookupField(pkg *types.Package, typ, field string) *types.Var {
	tn, ok := pkg.Scope().Lookup(typ[listenapi.LastDot(typ)+1:]).(*types.TypeName)
	if !ok {
		return nil
	}
	st, ok := tn.Type().Underlying().(*types.Struct)
	if !ok {
		return nil
	}
	for f := range st.Fields() {
		if f.Name() == field {
			return f
		}
	}
	return nil
}

// lineDiff lists the lines of want missing from got (-) and those of got
// missing from want (+).
func lineDiff(want, got []string) string {
	var b strings.Builder
	for _, l := range want {
		if !slices.Contains(got, l) {
			b.WriteString("-" + l + "\n")
		}
	}
	for _, l := range got {
		if !slices.Contains(want, l) {
			b.WriteString("+" + l + "\n")
		}
	}
	if b.Len() == 0 {
		return "(the same lines, in another order)"
	}
	return b.String()
}
