package analyzer_test

import (
	"testing"

	"github.com/portlint/portlint/analyzer"
	"golang.org/x/tools/go/analysis/analysistest"
)

func TestFixes(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, testdata, analyzer.Analyzer,
		"fixes/basic", "fixes/renamed", "fixes/dotimport", "fixes/clash", "fixes/old", "fixes/noimports", "fixes/shared")
}
