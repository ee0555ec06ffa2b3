package driver

import (
	"bufio"
	"cmp"
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"runtime"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/gcexportdata"
	"golang.org/x/tools/go/packages"
)

// depTypes type-checks candidates from source, one at a time, against
// the export data of their imports, which the command's load has named
// (NeedExportFile): no second go list, and no import loaded from source.
// The export data read is shared by the candidates checked in one run.
type depTypes struct {
	fset *token.FileSet
	view map[string]*types.Package // the packages of the export data read, by path
}

func newDepTypes() *depTypes {
	return &depTypes{fset: token.NewFileSet(), view: make(map[string]*types.Package)}
}

// check parses and type-checks lp, a dependency of the command's load,
// and returns it as a package loaded with syntax. A package that does
// not parse or type-check is an error: it gets no facts.
func (t *depTypes) check(lp *packages.Package) (*packages.Package, error) {
	if len(lp.CompiledGoFiles) == 0 {
		return nil, fmt.Errorf("%s: no Go files", lp.PkgPath)
	}
	files := make([]*ast.File, 0, len(lp.CompiledGoFiles))
	for _, name := range lp.CompiledGoFiles {
		f, err := parser.ParseFile(t.fset, name, nil, parser.ParseComments|parser.SkipObjectResolution)
		if err != nil {
			return nil, err
		}
		files = append(files, f)
	}
	var firstErr error
	tc := &types.Config{
		Importer: importerFunc(func(path string) (*types.Package, error) {
			if path == "unsafe" {
				return types.Unsafe, nil
			}
			ip := lp.Imports[path]
			if ip == nil {
				return nil, fmt.Errorf("no metadata for %s", path)
			}
			return t.exported(ip)
		}),
		Sizes: lp.TypesSizes,
		Error: func(err error) {
			if firstErr == nil {
				firstErr = err
			}
		},
	}
	if tc.Sizes == nil {
		tc.Sizes = types.SizesFor("gc", runtime.GOARCH)
	}
	if lp.Module != nil && lp.Module.GoVersion != "" {
		tc.GoVersion = "go" + lp.Module.GoVersion
	}
	info := &types.Info{
		Types:        make(map[ast.Expr]types.TypeAndValue),
		Defs:         make(map[*ast.Ident]types.Object),
		Uses:         make(map[*ast.Ident]types.Object),
		Implicits:    make(map[ast.Node]types.Object),
		Instances:    make(map[*ast.Ident]types.Instance),
		Scopes:       make(map[ast.Node]*types.Scope),
		Selections:   make(map[*ast.SelectorExpr]*types.Selection),
		FileVersions: make(map[*ast.File]string),
	}
	pkg := types.NewPackage(lp.PkgPath, lp.Name)
	err := types.NewChecker(tc, t.fset, pkg, info).Files(files)
	if err = cmp.Or(firstErr, err); err != nil {
		return nil, err
	}
	return &packages.Package{
		ID:              lp.ID,
		Name:            lp.Name,
		PkgPath:         lp.PkgPath,
		GoFiles:         lp.GoFiles,
		CompiledGoFiles: lp.CompiledGoFiles,
		OtherFiles:      lp.OtherFiles,
		IgnoredFiles:    lp.IgnoredFiles,
		Module:          lp.Module,
		Fset:            t.fset,
		Syntax:          files,
		Types:           pkg,
		TypesInfo:       info,
		TypesSizes:      tc.Sizes,
	}, nil
}

// exported returns the types of ip from its export data, read once.
func (t *depTypes) exported(ip *packages.Package) (*types.Package, error) {
	if p := t.view[ip.PkgPath]; p != nil && p.Complete() {
		return p, nil
	}
	if ip.ExportFile == "" {
		return nil, fmt.Errorf("no export data for %s", ip.PkgPath)
	}
	f, err := os.Open(ip.ExportFile)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	// go list -export names the compiler's archives, which only
	// NewReader opens (go/packages reads them the same way).
	//lint:ignore SA1019 the export files are archives until Go 1.29
	r, err := gcexportdata.NewReader(bufio.NewReader(f))
	if err != nil {
		return nil, fmt.Errorf("reading %s: %v", ip.ExportFile, err)
	}
	return gcexportdata.Read(r, t.fset, t.view, ip.PkgPath)
}

type importerFunc func(path string) (*types.Package, error)

func (f importerFunc) Import(path string) (*types.Package, error) { return f(path) }

// analyzeDep runs a on p, a dependency, seeing the facts of table, and
// returns the facts it exported on p's objects and on p; its diagnostics
// are dropped. A panic of the pass is its error: no one asked to check p.
func analyzeDep(a *analysis.Analyzer, p *packages.Package, table *factTable) (*cacheEntry, error) {
	graph, err := checker.Analyze([]*analysis.Analyzer{wrapAnalyzer(a, table, true)}, []*packages.Package{p}, nil)
	if err != nil {
		return nil, err
	}
	if len(graph.Roots) != 1 {
		return nil, errors.New("no action")
	}
	act := graph.Roots[0]
	if act.Err != nil {
		return nil, act.Err
	}
	return encodeFacts(act, table), nil
}
