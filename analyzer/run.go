package analyzer

import (
	"go/ast"
	"runtime"
	"slices"
	"sync"
	"weak"

	"github.com/portlint/portlint/internal/addrval"
	"github.com/portlint/portlint/internal/listenapi"
	"github.com/portlint/portlint/internal/report"
	"github.com/portlint/portlint/internal/resolve"
	"github.com/portlint/portlint/internal/sites"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
)

// run is the pass: the layers in order. Packages that cannot listen or
// read $PORT stop at the fast path; the others have their listen sites
// found and judged as a program (internal/sites, with internal/resolve
// and internal/portplan), then reported file by file (internal/report).
func run(pass *analysis.Pass, cfg *Config, rules *listenapi.RuleSet) (any, error) {
	// Export data lists only the imports a package's API needs, so a
	// wrapper of another package (lib.Run(addr) calling
	// http.ListenAndServe) may hide that it listens: its facts tell.
	names := newSiteNames(pass, rules, cfg.Env)
	listens := len(names.visible) > 0 || sites.ImportsSinks(pass)
	// Reading the environment makes only diagnostics (a misspelt $PORT),
	// and the names a fix must not take where there are sites.
	readsEnv := !cfg.factsOnly && sites.ImportsDirectly(pass.Pkg, rules.EnvPkgs)
	var sinks *sites.SinkState
	if listens {
		sinks = sites.NewSinkState(pass)
	}
	// Without -include-tests only the package's own files can hold a
	// site: a test variant (p [p.test], p_test) whose tests alone name a
	// listen API or read the environment takes the fast path, as p does.
	files := checkedFiles(pass, cfg)
	if !listens && !readsEnv || !mentionsSites(files, names, sinks, readsEnv) {
		// Fast path: nothing here can listen or read $PORT; only stale
		// directives can be reported. A test variant's facts (p [p.test])
		// are read only by the other test variants (p_test, p.test), which
		// check no file without -include-tests: they need none.
		if len(files) == len(pass.Files) {
			exportFacts(pass, cfg, nil)
		}
		if !cfg.factsOnly {
			for _, file := range files {
				report.ReportDirectives(pass, report.Directives(pass.Fset, file))
			}
		}
		return nil, nil
	}
	// Built here rather than required from inspect.Analyzer (go vet runs
	// the pass on every dependency, most stop at the fast path); the
	// walk for variable and field writes shares them.
	syn := syntaxOf(pass)
	exported := exportFacts(pass, cfg, syn)
	pkg := sites.Find(pass, sites.Scope{
		Env: cfg.Env, Rules: rules, Sinks: sinks, Exported: exported,
		IncludeTests: cfg.IncludeTests, Listens: listens, ReadsEnv: readsEnv, Syntax: syn,
	})
	if cfg.factsOnly {
		return nil, nil // the facts are exported: diagnostics would be dropped
	}
	allow, _ := addrval.ParseAllow(cfg.Allow) // validated when set
	rp := &report.Reporter{Pass: pass, Env: cfg.Env, Host: cfg.Host, Allow: allow, Decls: pkg.Decls}
	for _, fs := range pkg.Files {
		rp.ReportFile(fs)
	}
	return nil, nil
}

// exportFacts exports the facts a package passes on to its importers.
func exportFacts(pass *analysis.Pass, cfg *Config, syn resolve.Syntax) *resolve.Exported {
	// ReturnsFacts first: an unexported field has a FieldFact only where
	// a getter's ReturnsFact names it.
	resolve.ExportReturnFacts(pass)
	sites.ExportOptionFacts(pass)
	return resolve.ExportVarFacts(pass, cfg.module, syn)
}

// ownFiles holds weakly, by its first file, the inspector of a package's
// own files. The loader parses a file once for a package and its test
// variants, and an inspector holds no types: p [p.test] shares the
// inspector of p's files, built by the first of the two passes (the
// other waits), and inspects only its tests: unless a collection comes
// between them (none after the load in a warm run), once.
var ownFiles sync.Map // weak.Pointer[ast.File] → *ownInspector

type ownInspector struct {
	sync.Mutex
	insp weak.Pointer[inspector.Inspector]
}

// syntaxOf returns the inspectors of the pass's files.
func syntaxOf(pass *analysis.Pass) resolve.Syntax {
	n := 0 // own files come first
	for n < len(pass.Files) && !sites.IsTestFile(pass, pass.Files[n]) {
		n++
	}
	own, tests := pass.Files[:n], pass.Files[n:]
	if n == 0 || slices.ContainsFunc(tests, func(f *ast.File) bool { return !sites.IsTestFile(pass, f) }) {
		return resolve.Syntax{inspector.New(pass.Files)}
	}
	key := weak.Make(own[0])
	v, loaded := ownFiles.LoadOrStore(key, new(ownInspector))
	if !loaded { // a long-lived process (golangci-lint's) forgets dead packages
		runtime.AddCleanup(own[0], func(k weak.Pointer[ast.File]) { ownFiles.Delete(k) }, key)
	}
	e := v.(*ownInspector)
	e.Lock()
	defer e.Unlock()
	insp := e.insp.Value()
	if insp == nil || !slices.EqualFunc(slices.Collect(insp.Root().Children()), own, func(c inspector.Cursor, f *ast.File) bool { return c.Node() == f }) {
		insp = inspector.New(own)
		e.insp = weak.Make(insp)
	}
	if len(tests) == 0 {
		return resolve.Syntax{insp}
	}
	return resolve.Syntax{insp, inspector.New(tests)}
}
