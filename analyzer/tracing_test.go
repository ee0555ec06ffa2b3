package analyzer_test

import (
	"testing"

	"github.com/portlint/portlint/analyzer"
	"golang.org/x/tools/go/analysis/analysistest"
)

func TestTracing(t *testing.T) {
	analysistest.Run(t, testdata, analyzer.Analyzer, "tracing/local", "tracing/envfallback", "tracing/implicit", "tracing/helpers", "tracing/config", "tracing/usesconfig")
	analysistest.RunWithSuggestedFixes(t, testdata, analyzer.Analyzer, "tracing/envname")
}
