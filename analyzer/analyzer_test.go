package analyzer_test

import (
	"path/filepath"
	"testing"

	"github.com/portlint/portlint/analyzer"
	"golang.org/x/tools/go/analysis/analysistest"
)

// testdata is the repository's testdata/ (analysistest needs an absolute path).
var testdata, _ = filepath.Abs(filepath.Join("..", "testdata"))

func TestStandardLibrary(t *testing.T) {
	analysistest.Run(t, testdata, analyzer.Analyzer,
		"stdlib/...")
}
