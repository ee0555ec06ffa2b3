package analyzer_test

import (
	"testing"

	"github.com/portlint/portlint/analyzer"
	"golang.org/x/tools/go/analysis/analysistest"
)

func TestTracing(t *testing.T) {
	analysistest.Run(t, testdata, analyzer.Analyzer, "tracing/envfallback", "tracing/config", "tracing/usesconfig")
	analysistest.RunWithSuggestedFixes(t, testdata, analyzer.Analyzer,
		"tracing/envname", "tracing/local", "tracing/implicit", "tracing/helpers", "tracing/callers")
}
