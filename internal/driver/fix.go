package driver

import (
	"bytes"
	"cmp"
	"fmt"
	"go/ast"
	"go/format"
	"go/parser"
	"go/token"
	"go/types"
	"io"
	"maps"
	"os"
	"slices"
	"strconv"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/ast/astutil"
)

// An edit replaces the bytes [start, end) of a file with text.
type edit struct {
	start, end int
	text       string
}

// applyFixes applies the first suggested fix of each diagnostic of the
// graph's roots, as singlechecker -fix does: a fix is applied whole or
// not at all; identical edits of several fixes (the same import added
// twice, the same file in a package and its test variant) are applied
// once; a fix that overlaps one already taken is skipped and reported,
// so that a second run applies it; a fix that touches a generated file
// (cgo output included) is skipped. Each changed file is then formatted
// and rid of the imports the fixes left unused. With printDiff the
// changes are printed as a unified diff instead of written, the files
// named by paths (relative, as gofmt -d names them: patch -p0 applies it
// in the working directory).
func applyFixes(graph *checker.Graph, printDiff bool, paths relativizer, stdout io.Writer) error {
	type pendingFix struct {
		fix  *analysis.SuggestedFix
		fset *token.FileSet
		pkg  *types.Package
	}
	var fixes []pendingFix
	generated := make(map[*token.File]bool)
	for _, act := range graph.Roots {
		fset := act.Package.Fset
		for _, f := range act.Package.Syntax {
			generated[fset.File(f.FileStart)] = ast.IsGenerated(f)
		}
		for i := range act.Diagnostics {
			if d := &act.Diagnostics[i]; len(d.SuggestedFixes) > 0 {
				fixes = append(fixes, pendingFix{&d.SuggestedFixes[0], fset, act.Package.Types})
			}
		}
	}

	baseline := make(map[string][]byte)
	accepted := make(map[string][]edit)
	filePkg := make(map[string]*types.Package)
	applied, skipped := 0, 0
fixes:
	for _, f := range fixes {
		byFile := make(map[string][]edit)
		for _, te := range f.fix.TextEdits {
			file := f.fset.File(te.Pos)
			if file == nil || generated[file] {
				skipped++
				continue fixes
			}
			name := file.Name()
			content, ok := baseline[name]
			if !ok {
				var err error
				if content, err = os.ReadFile(name); err != nil {
					return err
				}
				baseline[name] = content
			}
			if file.Size() != len(content) {
				return fmt.Errorf("%s changed on disk since it was analyzed; not fixing", name)
			}
			end := te.End
			if !end.IsValid() {
				end = te.Pos
			}
			byFile[name] = append(byFile[name], edit{file.Offset(te.Pos), file.Offset(end), string(te.NewText)})
			filePkg[name] = f.pkg
		}
		merged := make(map[string][]edit, len(byFile))
		for name, edits := range byFile {
			slices.SortStableFunc(edits, compareEdits)
			m, ok := mergeEdits(accepted[name], edits)
			if !ok {
				continue fixes
			}
			merged[name] = m
		}
		maps.Copy(accepted, merged)
		applied++
	}

	updated := 0
	for _, name := range slices.Sorted(maps.Keys(accepted)) {
		old := baseline[name]
		fixed := applyEdits(old, accepted[name])
		if formatted, err := formatFixed(filePkg[name], fixed); err == nil {
			fixed = formatted
		}
		if printDiff {
			shown := paths.name(name)
			io.WriteString(stdout, unifiedDiff(shown+" (old)", shown+" (new)", old, fixed))
			continue
		}
		info, err := os.Stat(name)
		if err != nil {
			return err
		}
		if err := os.WriteFile(name, fixed, info.Mode().Perm()); err != nil {
			return err
		}
		updated++
	}
	if conflicts := len(fixes) - applied - skipped; conflicts > 0 {
		if printDiff {
			return fmt.Errorf("%d of %s skipped: they overlap others", conflicts, plural(len(fixes), "fix", "fixes"))
		}
		return fmt.Errorf("applied %d of %s; %s updated (run again to apply the rest)",
			applied, plural(len(fixes), "fix", "fixes"), plural(updated, "file", "files"))
	}
	return nil
}

func compareEdits(a, b edit) int {
	return cmp.Or(cmp.Compare(a.start, b.start), cmp.Compare(a.end, b.end))
}

// mergeEdits merges two sorted lists of edits to one file. Identical
// edits are kept once, insertions too whatever their order among others
// at the same offset (two fixes adding the same imports); of two
// different insertions at one offset, x's comes first; any other overlap
// is a conflict (ok is false).
func mergeEdits(x, y []edit) (merged []edit, ok bool) {
	y = slices.DeleteFunc(slices.Clone(y), func(e edit) bool {
		return e.start == e.end && slices.Contains(x, e)
	})
	merged = make([]edit, 0, len(x)+len(y))
	for len(x) > 0 && len(y) > 0 {
		switch a, b := x[0], y[0]; {
		case a == b:
			merged = append(merged, a)
			x, y = x[1:], y[1:]
		case a.end <= b.start:
			merged = append(merged, a)
			x = x[1:]
		case b.end <= a.start:
			merged = append(merged, b)
			y = y[1:]
		default:
			return nil, false
		}
	}
	return append(append(merged, x...), y...), true
}

// applyEdits returns src with the sorted, disjoint edits applied.
func applyEdits(src []byte, edits []edit) []byte {
	var out bytes.Buffer
	last := 0
	for _, e := range edits {
		out.Write(src[last:e.start])
		out.WriteString(e.text)
		last = e.end
	}
	out.Write(src[last:])
	return out.Bytes()
}

// formatFixed formats a fixed file as gofmt does and deletes the imports
// it no longer uses: an import whose only uses the fixes replaced
// (several fixes may share one) would otherwise not compile. pkg, the
// package before the fixes, gives the names of imported packages.
// Imports it cannot name (added by the fixes), blank and dot imports are
// kept.
func formatFixed(pkg *types.Package, src []byte) ([]byte, error) {
	fset := token.NewFileSet()
	file, err := parser.ParseFile(fset, "fixed.go", src, parser.ParseComments)
	if err != nil {
		return nil, err
	}
	// The parser leaves names it cannot resolve in the file, the
	// package names of qualified identifiers among them, unresolved.
	used := make(map[string]bool)
	for _, id := range file.Unresolved {
		used[id.Name] = true
	}
	names := packageNames(pkg)
	for _, spec := range slices.Clone(file.Imports) {
		path, err := strconv.Unquote(spec.Path.Value)
		if err != nil {
			continue
		}
		explicit, name := "", names[path]
		if spec.Name != nil {
			explicit, name = spec.Name.Name, spec.Name.Name
		}
		if name == "" || name == "_" || name == "." || used[name] {
			continue
		}
		astutil.DeleteNamedImport(fset, file, explicit, path)
	}
	var out bytes.Buffer
	if err := format.Node(&out, fset, file); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

// packageNames maps the path of every package pkg imports, directly or
// not, to its name.
func packageNames(pkg *types.Package) map[string]string {
	names := make(map[string]string)
	var visit func(p *types.Package)
	visit = func(p *types.Package) {
		for _, imp := range p.Imports() {
			if _, ok := names[imp.Path()]; !ok {
				names[imp.Path()] = imp.Name()
				visit(imp)
			}
		}
	}
	if pkg != nil {
		visit(pkg)
	}
	return names
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}
