// Command noop is the baseline of scripts/bench-process.sh: an analyzer
// that walks the inspector with portlint's node filter and does nothing,
// built with the same driver (singlechecker) as cmd/portlint, so that the
// difference between the two processes is portlint's own cost.
package main

import (
	"github.com/portlint/portlint/bench"
	"golang.org/x/tools/go/analysis/singlechecker"
)

func main() { singlechecker.Main(bench.Noop) }
