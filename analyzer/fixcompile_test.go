package analyzer_test

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/portlint/portlint/analyzer"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"
)

// TestFixesTypeCheck applies the fixes exactly as drivers do that do no
// clean-up of their own — each fix alone (an editor's quick fix) and all of
// a file's fixes at once (golangci-lint --fix) — and type-checks the
// result: no missing or unused import, no unused variable. analysistest's
// golden files cannot show this, since it drops unused imports itself.
func TestFixesTypeCheck(t *testing.T) {
	patterns := []string{"fixes/...", "config/envhost", "tracing/...", "stdlib/...", "frameworks/..."}
	// Every package a fix may import, so the type checker can resolve it.
	extra := []string{"cmp", "os", "strconv", "net"}
	cfg := &packages.Config{
		Mode:  packages.LoadAllSyntax,
		Dir:   testdata + "/src",
		Env:   append(os.Environ(), "GOPATH="+testdata, "GO111MODULE=off", "GOPROXY=off"),
		Tests: false,
	}
	pkgs, err := packages.Load(cfg, append(patterns, extra...)...)
	if err != nil {
		t.Fatal(err)
	}
	imports := make(map[string]*types.Package)
	packages.Visit(pkgs, nil, func(p *packages.Package) { imports[p.PkgPath] = p.Types })

	var roots []*packages.Package
	for _, p := range pkgs {
		if len(p.Errors) > 0 {
			t.Fatalf("%s: %v", p.PkgPath, p.Errors)
		}
		if imports[p.PkgPath] != nil && !contains(extra, p.PkgPath) {
			roots = append(roots, p)
		}
	}
	res, err := checker.Analyze([]*analysis.Analyzer{analyzer.Analyzer}, roots, nil)
	if err != nil {
		t.Fatal(err)
	}
	fixes := 0
	for _, act := range res.Roots {
		byFile := make(map[string][][]analysis.TextEdit)
		for _, d := range act.Diagnostics {
			if len(d.SuggestedFixes) == 0 {
				continue
			}
			name := act.Package.Fset.File(d.Pos).Name()
			byFile[name] = append(byFile[name], d.SuggestedFixes[0].TextEdits)
			fixes++
		}
		for name, list := range byFile {
			for i, edits := range list {
				typeCheck(t, act.Package, imports, name, fmt.Sprintf("fix %d alone", i), edits)
			}
			var all []analysis.TextEdit
			for _, edits := range list {
				all = append(all, edits...)
			}
			typeCheck(t, act.Package, imports, name, "all fixes", all, splitImports(act.Package, name, list)...)
		}
	}
	if fixes < 30 {
		t.Errorf("only %d fixes checked; testdata lost its cases?", fixes)
	}
}

// typeCheck applies edits to the files of pkg (dropping exact
// duplicates, as golangci-lint does; a fix found in file name may edit
// other files too) and type-checks the package with the result.
func typeCheck(t *testing.T, pkg *packages.Package, imports map[string]*types.Package, name, what string, edits []analysis.TextEdit, tolerated ...string) {
	t.Helper()
	type edit struct {
		start, end int
		text       string
	}
	byFile := make(map[string][]edit)
	seen := make(map[edit]bool)
	for _, e := range edits {
		tf := pkg.Fset.File(e.Pos)
		ed := edit{tf.Offset(e.Pos), tf.Offset(e.End), string(e.NewText)}
		if key := (edit{ed.start, ed.end, tf.Name() + "\x00" + ed.text}); !seen[key] {
			seen[key] = true
			byFile[tf.Name()] = append(byFile[tf.Name()], ed)
		}
	}
	fixed := make(map[string][]byte)
	for file, list := range byFile {
		src, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		sort.SliceStable(list, func(i, j int) bool { return list[i].start < list[j].start })
		var out []byte
		last := 0
		for _, e := range list {
			if e.start < last {
				t.Errorf("%s, %s: overlapping edits in %s", name, what, file)
				return
			}
			out = append(append(out, src[last:e.start]...), e.text...)
			last = e.end
		}
		fixed[file] = append(out, src[last:]...)
	}
	out := fixed[name]

	fset := token.NewFileSet()
	var files []*ast.File
	for _, f := range pkg.CompiledGoFiles {
		var src any // nil: read the file (a nil []byte would be empty source)
		if text, ok := fixed[f]; ok {
			src = text
		}
		file, err := parser.ParseFile(fset, f, src, parser.SkipObjectResolution)
		if err != nil {
			t.Errorf("%s, %s: %v\n%s", name, what, err, out)
			return
		}
		files = append(files, file)
	}
	var errs []error
	conf := types.Config{
		Importer: importerFunc(func(path string) (*types.Package, error) {
			if p := imports[path]; p != nil {
				return p, nil
			}
			return nil, fmt.Errorf("no package %q", path)
		}),
		Error: func(err error) { errs = append(errs, err) },
	}
	conf.Check(pkg.PkgPath, fset, files, nil)
	errs = slices.DeleteFunc(errs, func(err error) bool {
		for _, path := range tolerated {
			if strings.HasSuffix(err.Error(), strconv.Quote(path)+" imported and not used") {
				return true
			}
		}
		return false
	})
	if len(errs) > 0 {
		t.Errorf("%s, %s: the fixed file does not type-check: %v\n%s", name, what, errs, out)
	}
}

// splitImports lists the imports of a file whose uses all lie in the
// ranges several fixes replace, none covering them all: each fix alone
// must keep such an import, so applying them all without clean-up leaves
// it unused. This is the one known limit (see fix_imports.go): portlint
// -fix and gopls remove it; with golangci-lint --fix, enable goimports.
func splitImports(pkg *packages.Package, name string, fixes [][]analysis.TextEdit) []string {
	var out []string
	for _, file := range pkg.Syntax {
		if pkg.Fset.File(file.Pos()).Name() != name {
			continue
		}
		for _, spec := range file.Imports {
			path, _ := strconv.Unquote(spec.Path.Value)
			var uses []token.Pos
			ast.Inspect(file, func(n ast.Node) bool {
				if sel, ok := n.(*ast.SelectorExpr); ok {
					if id, ok := sel.X.(*ast.Ident); ok {
						if pn, ok := pkg.TypesInfo.Uses[id].(*types.PkgName); ok && pn.Imported().Path() == path {
							uses = append(uses, id.Pos())
						}
					}
				}
				return true
			})
			covering := map[int]bool{}
			all := len(uses) > 0
			for _, u := range uses {
				found := false
				for i, edits := range fixes {
					for _, e := range edits {
						if e.Pos <= u && u < e.End {
							covering[i], found = true, true
						}
					}
				}
				all = all && found
			}
			if all && len(covering) > 1 {
				out = append(out, path)
			}
		}
	}
	return out
}

type importerFunc func(string) (*types.Package, error)

func (f importerFunc) Import(path string) (*types.Package, error) { return f(path) }

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
