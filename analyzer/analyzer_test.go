package analyzer_test

import (
	"go/token"
	"path/filepath"
	"testing"

	"github.com/portlint/portlint/analyzer"
	"golang.org/x/tools/go/analysis/analysistest"
)

// testdata is the repository's testdata/ (analysistest needs an absolute path).
var testdata, _ = filepath.Abs(filepath.Join("..", "testdata"))

// TestAnalyzer runs the analyzer with default options on every testdata
// package without golden files, in one load: the standard library's
// listeners and the value model (stdlib/), the frameworks against stubs
// of their real signatures (frameworks/, stubs under testdata/src/<module>),
// tracing across functions and packages (tracing/), and directives.
func TestAnalyzer(t *testing.T) {
	analysistest.Run(t, testdata, analyzer.Analyzer,
		"stdlib/...", "frameworks/...",
		"tracing/envfallback", "tracing/config", "tracing/usesconfig",
		"config/ignore", "config/clean")
}

// TestDirectivesInOrder checks that the findings on directives come in
// the order of their lines, every run: they were reported in the order
// of a map's iteration, and -format=json output differed between runs.
func TestDirectivesInOrder(t *testing.T) {
	for range 4 {
		results := analysistest.Run(t, testdata, analyzer.Analyzer, "config/ignore")
		var last token.Pos
		for _, d := range results[0].Diagnostics {
			if d.Category != "directive" {
				continue
			}
			if d.Pos < last {
				t.Fatalf("directive finding at %v reported after one at %v", results[0].Pass.Fset.Position(d.Pos), results[0].Pass.Fset.Position(last))
			}
			last = d.Pos
		}
	}
}
