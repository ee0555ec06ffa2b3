// Command bare is the strictest baseline of scripts/bench-budget.sh: an
// analyzer that does nothing at all (no facts, no inspector), built with
// the same driver (internal/driver) as cmd/portlint. bench/noop also
// walks an inspector with portlint's node filter, which portlint itself
// builds only in packages that can listen.
package main

import (
	"github.com/portlint/portlint/internal/driver"
	"golang.org/x/tools/go/analysis"
)

var bare = &analysis.Analyzer{
	Name: "bare",
	Doc:  "bare does nothing: the baseline of the whole-process benchmarks",
	Run:  func(*analysis.Pass) (any, error) { return nil, nil },
}

func main() { driver.Main(bare) }
