package report

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strconv"

	"github.com/portlint/portlint/internal/sites"
	"golang.org/x/tools/go/analysis"
)

// Import removal is decided per file, once every fix of the file is known,
// because drivers apply fixes differently: an editor applies one, while
// golangci-lint --fix applies all of a file's edits at once (dropping
// duplicates) and unitchecker merges them. A fix removes an import whose
// every use in the file lies in the code it replaces. If the new code of
// another fix uses that import, that fix carries the same removal and adds
// the import back: alone it keeps the import; with the first it dedupes to
// one removal and one addition. (Two fixes that each replace some of an
// import's last uses cannot both remove it; unitchecker and gopls then drop
// the unused import themselves.)

// importSpec is one named import of the file.
type importSpec struct {
	path    string
	spec    string // as written for re-insertion: [name ]"path"
	pkgName *types.PkgName
	removal analysis.TextEdit // a deletion, or, for a package that may have an init, a blank import
	decl    *ast.GenDecl      // the declaration holding it
	dot     bool              // import . "path": used by unqualified names
}

// importRemovals returns, for each pending finding of the file, the
// import edits its fix needs beyond its own: the removal of each import it
// leaves unused, and, for each import that another fix removes but its new
// code uses, that removal and the import's re-insertion. A finding without
// a fix gets none.
func (rp *Reporter) importRemovals() [][]analysis.TextEdit {
	specs := rp.importSpecs()
	uses := rp.importUses(specs)
	removes := make([]map[string]analysis.TextEdit, len(rp.pending))
	removers := make(map[string]int) // spec -> how many fixes remove it
	for i, p := range rp.pending {
		if p.fx != nil {
			removes[i] = p.fx.unusedImports(specs, uses)
			for spec := range removes[i] {
				removers[spec]++
			}
		}
	}
	// A single unparenthesized import that a fix removes goes with its
	// whole declaration: added imports cannot join that one.
	target := joinTarget(rp.File)
	apart := target != nil && !target.Lparen.IsValid() &&
		slices.ContainsFunc(specs, func(s importSpec) bool { return s.decl == target && removers[s.spec] > 0 })
	out := make([][]analysis.TextEdit, len(rp.pending))
	for i, p := range rp.pending {
		if p.fx == nil {
			continue
		}
		p.fx.imp.apart = apart
		for _, s := range specs { // in file order, not the map's
			if e, ok := removes[i][s.spec]; ok {
				out[i] = append(out[i], e)
			}
		}
		for _, s := range specs {
			if removers[s.spec] > 0 && !removes[i][s.spec].End.IsValid() && p.fx.imp.used[s.path] {
				out[i] = append(append(out[i], s.removal), p.fx.imp.insertion(s.path, s.spec)...)
			}
		}
	}
	return out
}

// unusedImports returns the removal edits of the imports the fix leaves
// unused, by spec as written.
func (fx *fixer) unusedImports(specs []importSpec, uses map[*types.PkgName][]token.Pos) map[string]analysis.TextEdit {
	out := make(map[string]analysis.TextEdit)
	for _, s := range specs {
		if fx.imp.used[s.path] || len(uses[s.pkgName]) == 0 {
			continue
		}
		if !slices.ContainsFunc(uses[s.pkgName], func(pos token.Pos) bool { return !fx.replaces(pos) }) {
			out[s.spec] = s.removal
		}
	}
	return out
}

func (fx *fixer) replaces(pos token.Pos) bool {
	return !slices.ContainsFunc(fx.kept, func(k ast.Expr) bool { return k.Pos() <= pos && pos < k.End() }) &&
		slices.ContainsFunc(fx.edits, func(e analysis.TextEdit) bool { return e.Pos <= pos && pos < e.End })
}

// importSpecs lists the file's named imports with the edit removing each.
func (rp *Reporter) importSpecs() []importSpec {
	var out []importSpec
	tf := rp.Pass.Fset.File(rp.File.FileStart)
	for _, decl := range rp.File.Decls {
		gd, ok := decl.(*ast.GenDecl)
		if !ok || gd.Tok != token.IMPORT {
			break
		}
		for _, s := range gd.Specs {
			spec := s.(*ast.ImportSpec)
			if spec.Name != nil && spec.Name.Name == "_" {
				continue // never used through a name
			}
			pn := rp.Pass.TypesInfo.PkgNameOf(spec)
			if pn == nil {
				continue
			}
			text := spec.Path.Value
			if spec.Name != nil {
				text = spec.Name.Name + " " + text
			}
			path, _ := strconv.Unquote(spec.Path.Value)
			dot := spec.Name != nil && spec.Name.Name == "."
			var rm analysis.TextEdit
			switch {
			case dot || !sites.StdPackage(path, rp.Pass.Pkg.Path()):
				// The package's init may matter (a handler registered,
				// a driver): it stays imported, blank.
				rm = analysis.TextEdit{Pos: spec.Path.Pos(), End: spec.Path.Pos(), NewText: []byte("_ ")}
				if spec.Name != nil {
					rm = analysis.TextEdit{Pos: spec.Name.Pos(), End: spec.Name.End(), NewText: []byte("_")}
				}
			case len(gd.Specs) > 1: // delete the spec's whole line
				start, end := tf.LineStart(tf.Line(spec.Pos())), spec.End()
				if line := tf.Line(end); line < tf.LineCount() {
					end = tf.LineStart(line + 1)
				}
				rm = analysis.TextEdit{Pos: start, End: end}
			default:
				rm = analysis.TextEdit{Pos: gd.Pos(), End: gd.End()}
			}
			out = append(out, importSpec{path: path, spec: text, pkgName: pn, removal: rm, decl: gd, dot: dot})
		}
	}
	return out
}

// importUses maps the package names of specs that some fix may leave
// unused to their uses in the file: only an import with a use inside code
// a fix replaces can become unused, and most fixes replace a literal, so
// the file is walked only when there is one, and then only identifiers
// spelt like such an import are looked up.
func (rp *Reporter) importUses(specs []importSpec) map[*types.PkgName][]token.Pos {
	uses := make(map[*types.PkgName][]token.Pos)
	replaced := rp.replacedQualifiers()
	names := make(map[string]bool, len(specs))
	for _, s := range specs {
		if s.dot {
			rp.dotUses(s.pkgName, uses)
		} else if replaced[s.pkgName.Name()] {
			names[s.pkgName.Name()] = true
		}
	}
	if len(names) == 0 {
		return uses
	}
	for cur := range rp.FileCur.Preorder((*ast.SelectorExpr)(nil)) {
		if id, ok := cur.Node().(*ast.SelectorExpr).X.(*ast.Ident); ok && names[id.Name] {
			if pn, ok := rp.Pass.TypesInfo.Uses[id].(*types.PkgName); ok {
				uses[pn] = append(uses[pn], id.Pos())
			}
		}
	}
	return uses
}

// dotUses records the uses of the names a dot import brings in: the
// package-level objects of its package named without a qualifier.
func (rp *Reporter) dotUses(pn *types.PkgName, uses map[*types.PkgName][]token.Pos) {
	pkg := pn.Imported()
	for cur := range rp.FileCur.Preorder((*ast.Ident)(nil)) {
		id := cur.Node().(*ast.Ident)
		if obj := rp.Pass.TypesInfo.Uses[id]; obj != nil && obj.Pkg() == pkg && obj.Parent() == pkg.Scope() {
			uses[pn] = append(uses[pn], id.Pos())
		}
	}
}

// replacedQualifiers returns the names qualifying a selector (pkg.Name)
// inside code that a pending fix replaces in the file.
func (rp *Reporter) replacedQualifiers() map[string]bool {
	names := make(map[string]bool)
	for _, p := range rp.pending {
		if p.fx == nil {
			continue
		}
		for _, e := range p.fx.edits {
			if e.End <= e.Pos || e.Pos < rp.File.FileStart || e.End > rp.File.FileEnd {
				continue // an insertion, or another file
			}
			cur, ok := rp.Decls.Find(e.Pos, e.End)
			if !ok {
				continue
			}
			for sc := range cur.Preorder((*ast.SelectorExpr)(nil)) {
				sel := sc.Node().(*ast.SelectorExpr)
				if id, ok := sel.X.(*ast.Ident); ok && e.Pos <= sel.Pos() && sel.End() <= e.End {
					names[id.Name] = true
				}
			}
		}
	}
	return names
}
