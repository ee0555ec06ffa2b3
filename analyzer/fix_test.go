package analyzer_test

import (
	"testing"

	"github.com/portlint/portlint/analyzer"
	"golang.org/x/tools/go/analysis/analysistest"
)

// TestFixes checks diagnostics and the golden output of the suggested
// fixes: every fix shape (fixes/), renamed, dot and clashing imports, a
// Go 1.21 file, several sites in one file, and the tracing cases whose
// fixes edit helpers, callers, literals and struct fields (tracing/),
// and the event-loop frameworks, whose addresses carry a scheme.
func TestFixes(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, testdata, analyzer.Analyzer,
		"fixes/...", "frameworks/gnet", "frameworks/gnetv1", "frameworks/evio", "frameworks/nbio",
		"tracing/envname", "tracing/local", "tracing/implicit", "tracing/helpers", "tracing/callers",
		"tracing/twofiles", "tracing/offset", "tracing/exported/...", "program/...", "sinks/...", "fields/...", "reportfold/...")
}
