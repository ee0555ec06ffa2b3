package report

import (
	"go/ast"
	"go/format"
	"go/parser"
	"go/token"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
)

// TestImportEdits applies the edits that add "os" and "cmp" to the
// imports of a file, and formats the result.
func TestImportEdits(t *testing.T) {
	for _, tc := range []struct {
		name, src, want string
		apart           bool
	}{
		{
			name: "a single import becomes a block",
			src:  "package p\n\nimport \"net/http\"\n",
			want: "package p\n\nimport (\n\t\"cmp\"\n\t\"net/http\"\n\t\"os\"\n)\n",
		},
		{
			name: "a renamed single import keeps its name",
			src:  "package p\n\nimport web \"net/http\" // the server\n",
			want: "package p\n\nimport (\n\t\"cmp\"\n\tweb \"net/http\"\n\t\"os\"\n) // the server\n",
		},
		{
			name: "the first block is joined",
			src:  "package p\n\nimport \"fmt\"\n\nimport (\n\t\"net/http\"\n)\n",
			want: "package p\n\nimport \"fmt\"\n\nimport (\n\t\"cmp\"\n\t\"net/http\"\n\t\"os\"\n)\n",
		},
		{
			name: "cgo's import stays alone",
			src:  "package p\n\n// #include <stdio.h>\nimport \"C\"\n\nimport \"net/http\"\n",
			want: "package p\n\n// #include <stdio.h>\nimport \"C\"\n\nimport (\n\t\"cmp\"\n\t\"net/http\"\n\t\"os\"\n)\n",
		},
		{
			name: "a file without imports gets declarations",
			src:  "package p\n",
			want: "package p\n\nimport \"cmp\"\n\nimport \"os\"\n",
		},
		{
			name:  "an import a fix removes is not joined",
			src:   "package p\n\nimport \"strconv\"\n",
			apart: true,
			want:  "package p\n\nimport \"cmp\"\n\nimport \"os\"\n\nimport \"strconv\"\n",
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fset := token.NewFileSet()
			file, err := parser.ParseFile(fset, "p.go", tc.src, parser.ParseComments)
			if err != nil {
				t.Fatal(err)
			}
			im := &importer{fileImports: &fileImports{file: file}, added: map[string]string{"os": "os", "cmp": "cmp"}, apart: tc.apart}
			got := apply(t, fset, tc.src, dedupeEdits(im.edits()))
			if got != tc.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, tc.want)
			}
		})
	}
}

// TestJoinTarget checks which import declaration added imports join.
func TestJoinTarget(t *testing.T) {
	for src, want := range map[string]string{
		"package p":                                     "",
		"package p\nimport \"C\"":                       "",
		"package p\nimport \"a\"\nimport \"b\"":         `"a"`,
		"package p\nimport \"a\"\nimport (\n\"b\"\n)":   `"b"`,
		"package p\nimport (\n\"C\"\n)\nimport \"b\"":   `"b"`,
		"package p\nimport \"C\"\nimport (\n\"b\"\n)\n": `"b"`,
	} {
		file, err := parser.ParseFile(token.NewFileSet(), "p.go", src, 0)
		if err != nil {
			t.Fatal(err)
		}
		got := ""
		if gd := joinTarget(file); gd != nil {
			got = gd.Specs[0].(*ast.ImportSpec).Path.Value
		}
		if got != want {
			t.Errorf("%q: joins %s, want %s", src, got, want)
		}
	}
}

// apply applies edits to src as go/analysis drivers do (sorted by
// position, insertions at one position in their order) and formats it.
func apply(t *testing.T, fset *token.FileSet, src string, edits []analysis.TextEdit) string {
	t.Helper()
	slices.SortStableFunc(edits, func(a, b analysis.TextEdit) int { return int(a.Pos - b.Pos) })
	tf := fset.File(token.Pos(1))
	var b strings.Builder
	at := 0
	for _, e := range edits {
		start, end := tf.Offset(e.Pos), tf.Offset(e.End)
		if start < at {
			t.Fatalf("overlapping edits: %v", edits)
		}
		b.WriteString(src[at:start])
		b.Write(e.NewText)
		at = end
	}
	b.WriteString(src[at:])
	out, err := format.Source([]byte(b.String()))
	if err != nil {
		t.Fatalf("%v:\n%s", err, b.String())
	}
	return string(out)
}
