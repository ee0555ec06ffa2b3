// Command noop is the baseline of scripts/bench-process.sh: an analyzer
// that walks the inspector with portlint's node filter and does nothing,
// built with the same driver (internal/driver) as cmd/portlint, so that
// the difference between the two processes is portlint's own cost.
package main

import (
	"github.com/portlint/portlint/bench"
	"github.com/portlint/portlint/internal/driver"
)

func main() { driver.Main(bench.Noop) }
