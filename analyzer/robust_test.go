package analyzer_test

import (
	"testing"

	"github.com/portlint/portlint/analyzer"
	"golang.org/x/tools/go/analysis/analysistest"
)

func TestRobustGenerics(t *testing.T) {
	analysistest.Run(t, testdata, analyzer.Analyzer, "robust/generics")
}

func TestRobustCgo(t *testing.T) {
	analysistest.Run(t, testdata, analyzer.Analyzer, "robust/cgo")
}
