package analyzer

import (
	"go/ast"
	"go/parser"
	"go/token"
	"slices"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
)

// TestSyntaxShared: a package and its test variant, whose own files the
// loader parses once, inspect those files once; each variant's inspectors
// hold its files in its order, as one inspector of them would.
func TestSyntaxShared(t *testing.T) {
	fset := token.NewFileSet()
	var files []*ast.File
	for _, name := range []string{"a.go", "b.go", "a_test.go"} {
		f, err := parser.ParseFile(fset, name, "package p\n\nfunc f() { g(1) }\n", 0)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, f)
	}
	pkg := syntaxOf(&analysis.Pass{Fset: fset, Files: files[:2]})
	variant := syntaxOf(&analysis.Pass{Fset: fset, Files: files})
	if len(pkg) != 1 || len(variant) != 2 || pkg[0] != variant[0] {
		t.Fatalf("the variant has %d inspectors, the package %d: own files shared %v", len(variant), len(pkg), pkg[0] == variant[0])
	}
	node := func(c inspector.Cursor) ast.Node { return c.Node() }
	one := inspector.New(files).Root()
	if got, want := slices.Collect(variant.Preorder((*ast.File)(nil))), slices.Collect(one.Children()); !slices.EqualFunc(got, want, func(a, b inspector.Cursor) bool { return node(a) == node(b) }) {
		t.Errorf("files: %d, want %d in the same order", len(got), len(want))
	}
	if got, want := slices.Collect(variant.Preorder((*ast.CallExpr)(nil))), slices.Collect(one.Preorder((*ast.CallExpr)(nil))); !slices.EqualFunc(got, want, func(a, b inspector.Cursor) bool { return node(a) == node(b) }) {
		t.Errorf("calls: %d, want %d in the same order", len(got), len(want))
	}
	// A test file before an own file: one inspector, nothing shared.
	mixed := syntaxOf(&analysis.Pass{Fset: fset, Files: []*ast.File{files[2], files[0]}})
	if len(mixed) != 1 || mixed[0] == pkg[0] {
		t.Errorf("mixed order: %d inspectors, shared %v", len(mixed), mixed[0] == pkg[0])
	}
}
