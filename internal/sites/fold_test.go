package sites_test

import (
	"path/filepath"
	"testing"

	"github.com/portlint/portlint/analyzer"
	"golang.org/x/tools/go/analysis/analysistest"
)

// TestFolds checks the cases that decided where two paths of this
// package disagreed (testdata/src/sitesfold).
func TestFolds(t *testing.T) {
	testdata, err := filepath.Abs("../../testdata")
	if err != nil {
		t.Fatal(err)
	}
	analysistest.RunWithSuggestedFixes(t, testdata, analyzer.Analyzer, "sitesfold/...")
}
