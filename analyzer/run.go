package analyzer

import (
	"go/ast"

	"github.com/portlint/portlint/internal/addrval"
	"github.com/portlint/portlint/internal/listenapi"
	"github.com/portlint/portlint/internal/report"
	"github.com/portlint/portlint/internal/resolve"
	"github.com/portlint/portlint/internal/sites"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
)

func run(pass *analysis.Pass, cfg *Config, rules *listenapi.RuleSet) (any, error) {
	resolve.ExportReturnFacts(pass)
	listens := sites.ImportsAny(pass.Pkg, rules.Pkgs)
	readsEnv := sites.ImportsDirectly(pass.Pkg, rules.EnvPkgs)
	var sinks *sites.SinkState
	if listens {
		sinks = sites.NewSinkState(pass)
	}
	// Without -include-tests only the package's own files can hold a
	// site: a test variant (p [p.test], p_test) whose tests alone name a
	// listen API or read the environment takes the fast path, as p does.
	if (listens || readsEnv) && !mentionsSites(checkedFiles(pass, cfg), rules, sinks, readsEnv) {
		listens, readsEnv = false, false
	}
	if !listens && !readsEnv {
		// Fast path: nothing here can listen or read $PORT; only stale
		// directives can be reported.
		for _, file := range pass.Files {
			if cfg.IncludeTests || !sites.IsTestFile(pass, file) {
				report.ReportDirectives(pass, report.Directives(pass.Fset, file))
			}
		}
		return nil, nil
	}
	// Built here rather than required from inspect.Analyzer: go vet runs
	// the pass on every dependency for its facts, and most packages stop
	// at the fast path above.
	insp := inspector.New(pass.Files)
	c := &sites.Checker{
		Pass:  pass,
		Env:   cfg.Env,
		Rules: rules,
		Res:   resolve.NewResolver(pass, insp, rules),
	}
	c.Sinks = sinks
	c.Serving = &sites.Serving{Info: pass.TypesInfo, Pkg: pass.Pkg, Rules: rules, Decls: c.Res.Decls, Vars: c.Res.Vars, Root: insp.Root()}
	filter := []ast.Node{(*ast.CallExpr)(nil)}
	if listens {
		filter = append(filter, (*ast.CompositeLit)(nil), (*ast.AssignStmt)(nil))
	}
	// Every file is known before the walk: a sink learned in one finds its
	// uses (c.uses) and records its sites (c.record) in those not walked
	// yet too (miekg/dns listens in a file before its Server's).
	for fileCur := range insp.Root().Children() {
		file := fileCur.Node().(*ast.File)
		if cfg.IncludeTests || !sites.IsTestFile(pass, file) {
			c.Files = append(c.Files, &sites.FileState{File: file, FileCur: fileCur, Test: sites.IsTestFile(pass, file)})
		}
	}
	c.Learn = &sites.Learner{Pass: pass, Rules: rules, Res: c.Res, Serving: c.Serving, Sinks: sinks, Files: c.Files}
	// Record every site of every file, judge them as a program, then
	// report file by file.
	for _, fs := range c.Files {
		// os.Getenv needs an import of os in the file itself, while a
		// server's methods can be called without importing its package.
		fileReadsEnv := readsEnv && sites.FileImports(fs.File, rules.EnvPkgs)
		if fs.Skip = !listens && !fileReadsEnv; fs.Skip {
			continue
		}
		c.FileState = fs
		for cur := range fs.FileCur.Preorder(filter...) {
			switch n := cur.Node().(type) {
			case *ast.CallExpr:
				// Reject by the name the call is written with before any
				// type lookup: almost no call is a listener.
				name := sites.CalledName(n)
				if listens && (rules.Names[name] || c.Sinks.FuncNames[name]) {
					c.Call(cur, n)
				}
				if fileReadsEnv && rules.EnvNames[name] {
					c.EnvRead(cur, n)
				}
			case *ast.CompositeLit:
				c.CompositeLit(cur, n)
			case *ast.AssignStmt:
				c.Assign(n)
			}
		}
	}
	if listens {
		c.Learn.FollowRelays()
		c.Learn.DropJudged()
	}
	for _, fs := range c.Files {
		sites.SortSites(fs.Sites)
	}
	c.Judge(c.Files)
	if listens {
		c.Learn.ExportSinkFacts()
	}
	allow, _ := addrval.ParseAllow(cfg.Allow) // validated when set
	rp := &report.Reporter{Pass: pass, Env: cfg.Env, Host: cfg.Host, Rules: rules, Allow: allow, Decls: c.Res.Decls}
	for _, fs := range c.Files {
		rp.FileReport = &report.FileReport{FileState: fs, Dirs: report.Directives(pass.Fset, fs.File), Declared: make(map[string]bool)}
		if !fs.Skip {
			for _, s := range fs.Sites {
				rp.Report(s)
			}
			rp.ReportMisspeltEnv()
			rp.FinishFile()
		}
		report.ReportDirectives(pass, rp.Dirs)
	}
	return nil, nil
}
