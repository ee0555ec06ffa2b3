package analyzer_test

import (
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
