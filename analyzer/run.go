package analyzer

import (
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
// found and judged as a program (internal/sites, which resolves values
// with internal/resolve and plans ports with internal/portplan), then
// reported file by file (internal/report).
func run(pass *analysis.Pass, cfg *Config, rules *listenapi.RuleSet) (any, error) {
	resolve.ExportReturnFacts(pass)
	sites.ExportOptionFacts(pass)
	// Export data lists only the imports a package's API needs, so a
	// wrapper of another package (lib.Run(addr) calling
	// http.ListenAndServe) may hide that it listens: its facts tell.
	names := &siteNames{rules: rules, pkg: pass.Pkg, self: rules.Pkgs[pass.Pkg.Path()], env: cfg.Env, pass: pass}
	listens := len(names.visibleRules()) > 0 || sites.ImportsSinks(pass)
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
	if (listens || readsEnv) && !mentionsSites(checkedFiles(pass, cfg), names, sinks, readsEnv) {
		listens, readsEnv = false, false
	}
	// A package past the fast path builds an inspector anyway: the walk
	// for variable and field writes shares it.
	var insp *inspector.Inspector
	if listens || readsEnv {
		insp = inspector.New(pass.Files)
	}
	exported := resolve.ExportVarFacts(pass, cfg.module, insp)
	if !listens && !readsEnv {
		// Fast path: nothing here can listen or read $PORT; only stale
		// directives can be reported.
		if cfg.factsOnly {
			return nil, nil
		}
		for _, file := range pass.Files {
			if cfg.IncludeTests || !sites.IsTestFile(pass, file) {
				report.ReportDirectives(pass, report.Directives(pass.Fset, file))
			}
		}
		return nil, nil
	}
	pkg := sites.Find(pass, sites.Scope{
		Env: cfg.Env, Rules: rules, Sinks: sinks, Exported: exported,
		IncludeTests: cfg.IncludeTests, Listens: listens, ReadsEnv: readsEnv, Inspector: insp,
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
