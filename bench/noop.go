// Package bench measures portlint's own cost, which has to vanish beside
// loading and type checking.
//
// The package exports only [Noop], the baseline analyzer; the benchmarks
// themselves are in its test files and run only with -bench:
//
//	go test ./bench -run '^$' -bench . -count 10 | tee new.txt
//
// See BENCHMARKS.md at the repository root for what each benchmark
// measures and the budget it is checked against.
package bench

import (
	"go/ast"
	"sync/atomic"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"
)

// Noop is the baseline for portlint's cost: an analyzer that requires
// inspect.Analyzer and walks every file with the node filter portlint's
// pass uses, doing nothing at each node. What portlint costs beyond Noop
// is its own work; what Noop costs is the walk any inspector-based
// analyzer pays.
var Noop = &analysis.Analyzer{
	Name:     "noop",
	Doc:      "noop walks the inspector with portlint's node filter and reports nothing",
	Requires: []*analysis.Analyzer{inspect.Analyzer},
	Run:      runNoop,
}

// filter is the node filter of portlint's walk (internal/sites/find.go).
var filter = []ast.Node{(*ast.CallExpr)(nil), (*ast.CompositeLit)(nil), (*ast.AssignStmt)(nil)}

// visited keeps the walk from being optimized away.
var visited atomic.Int64

func runNoop(pass *analysis.Pass) (any, error) {
	insp := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	n := 0
	for fileCur := range insp.Root().Children() {
		for range fileCur.Preorder(filter...) {
			n++
		}
	}
	visited.Add(int64(n))
	return nil, nil
}
