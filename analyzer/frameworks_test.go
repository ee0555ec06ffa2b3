package analyzer_test

import (
	"path/filepath"
	"testing"

	"github.com/portlint/portlint/analyzer"
	"golang.org/x/tools/go/analysis/analysistest"
)

// TestFrameworks runs portlint on programs that start servers through the
// web frameworks, against stubs under testdata/src/<module path> that
// mirror the real signatures (integration/frameworks_test.go checks the
// same rows against the real modules).
func TestFrameworks(t *testing.T) {
	testdata, err := filepath.Abs(filepath.Join("..", "testdata"))
	if err != nil {
		t.Fatal(err)
	}
	analysistest.Run(t, testdata, analyzer.Analyzer, "frameworks/...")
}
