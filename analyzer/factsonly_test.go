package analyzer

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"
)

// TestFactsOnly checks that the pass run for its facts alone, as go vet
// runs it on dependencies (FactsOnly), exports the same facts on every
// testdata package of sinks/ and program/ and reports nothing.
func TestFactsOnly(t *testing.T) {
	dir, _ := filepath.Abs(filepath.Join("..", "testdata"))
	cfg := &packages.Config{
		Mode: packages.LoadAllSyntax,
		Dir:  filepath.Join(dir, "src"),
		Env:  append(os.Environ(), "GOPATH="+dir, "GO111MODULE=off", "GOPROXY=off", "GOFLAGS="),
	}
	pkgs, err := packages.Load(cfg, "sinks/...", "program/...")
	if err != nil {
		t.Fatal(err)
	}
	facts := func(a *analysis.Analyzer) (map[string][]string, int) {
		graph, err := checker.Analyze([]*analysis.Analyzer{a}, pkgs, nil)
		if err != nil {
			t.Fatal(err)
		}
		out, diagnostics := make(map[string][]string), 0
		for act := range graph.All() {
			var list []string
			for _, f := range act.AllObjectFacts() {
				if f.Object.Pkg() == act.Package.Types {
					list = append(list, fmt.Sprintf("%s: %s", f.Object, f.Fact))
				}
			}
			for _, f := range act.AllPackageFacts() {
				if f.Package == act.Package.Types {
					list = append(list, fmt.Sprintf("package: %s", f.Fact))
				}
			}
			slices.Sort(list)
			out[act.Package.ID] = list
			diagnostics += len(act.Diagnostics)
		}
		return out, diagnostics
	}
	full := DefaultConfig()
	only := DefaultConfig()
	only.factsOnly = true
	want, n := facts(newAnalyzer(&full, false))
	got, m := facts(newAnalyzer(&only, false))
	if n == 0 {
		t.Fatal("no diagnostics without FactsOnly: the packages test nothing")
	}
	if m != 0 {
		t.Errorf("FactsOnly: %d diagnostics, want none", m)
	}
	for id, w := range want {
		if !slices.Equal(got[id], w) {
			t.Errorf("%s: facts\n%q\nwith FactsOnly, want\n%q", id, got[id], w)
		}
	}
	total := 0
	for _, w := range want {
		total += len(w)
	}
	if total == 0 {
		t.Error("no facts: the packages test nothing")
	}
}

// TestTestVariantFacts checks that a test variant (p [p.test]) on the
// fast path exports no facts without -include-tests, since only other
// test variants, which then check no file, read them; and that p's own
// pass, and the test variant's with -include-tests, still export them.
func TestTestVariantFacts(t *testing.T) {
	dir, _ := filepath.Abs(filepath.Join("..", "testdata"))
	cfg := &packages.Config{
		Mode:  packages.LoadAllSyntax,
		Tests: true,
		Dir:   filepath.Join(dir, "src"),
		Env:   append(os.Environ(), "GOPATH="+dir, "GO111MODULE=off", "GOPROXY=off", "GOFLAGS="),
	}
	pkgs, err := packages.Load(cfg, "tracing/testvariant")
	if err != nil {
		t.Fatal(err)
	}
	facts := func(c Config) map[string]int {
		graph, err := checker.Analyze([]*analysis.Analyzer{newAnalyzer(&c, false)}, pkgs, nil)
		if err != nil {
			t.Fatal(err)
		}
		n := make(map[string]int)
		for act := range graph.All() {
			for _, f := range act.AllObjectFacts() {
				if f.Object.Pkg() == act.Package.Types {
					n[act.Package.ID]++
				}
			}
		}
		return n
	}
	const p, ptest = "tracing/testvariant", "tracing/testvariant [tracing/testvariant.test]"
	if got := facts(DefaultConfig()); got[p] == 0 || got[ptest] != 0 {
		t.Errorf("without -include-tests: %d facts in %s, %d in %s; want some, none", got[p], p, got[ptest], ptest)
	}
	with := DefaultConfig()
	with.IncludeTests = true
	if got := facts(with); got[p] == 0 || got[ptest] == 0 {
		t.Errorf("with -include-tests: %d facts in %s, %d in %s; want some in both", got[p], p, got[ptest], ptest)
	}
}
