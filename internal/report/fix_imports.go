package report

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/analysis"
)

// Import removal is decided per file, once every fix of the file is known,
// because an editor applies one fix, while golangci-lint --fix applies all
// of a file's edits at once (dropping duplicates) and unitchecker merges
// them. A fix removes an import whose every use in the file lies in the
// code it replaces. Another fix whose new code uses that import carries
// the same removal and adds the import back: alone it keeps the import;
// with the first it dedupes to one removal and one addition. (Two fixes
// that each replace some of an import's last uses cannot both remove it;
// unitchecker and gopls then drop the unused import themselves.)

// finishFile reports the file's findings in the order they were found,
// their fixes completed with their import edits: the imports each adds,
// the removal of each import it leaves unused, and the removal and
// re-insertion of each import another fix removes but its new code uses.
func (rp *Reporter) finishFile() {
	if len(rp.pending) == 0 {
		return
	}
	specs := rp.imports().specs
	uses := rp.importUses(specs)
	removes := make([][]bool, len(rp.pending)) // finding -> spec -> its fix removes it
	removers := make([]int, len(specs))        // spec -> how many fixes remove it
	// apart: a fix removes a single unparenthesized import, whose whole
	// declaration goes with it, so added imports cannot join that one.
	target, apart := joinTarget(rp.File), false
	for i, p := range rp.pending {
		if p.fx == nil {
			continue
		}
		removes[i] = make([]bool, len(specs))
		for j, s := range specs {
			u := uses[s.pkgName]
			if !p.fx.imps[0].used[s.path] && len(u) > 0 && !slices.ContainsFunc(u, func(pos token.Pos) bool { return !p.fx.replaces(pos) }) {
				removes[i][j] = true
				removers[j]++
				apart = apart || s.decl == target && !target.Lparen.IsValid()
			}
		}
	}
	for i := range rp.pending {
		p := &rp.pending[i]
		if p.fx != nil {
			p.fx.imps[0].apart = apart
			edits := append([]analysis.TextEdit(nil), p.fx.edits...)
			for _, im := range p.fx.imps {
				edits = append(edits, im.edits()...)
			}
			im := p.fx.imps[0]
			for j, s := range specs {
				if removes[i][j] {
					edits = append(edits, s.removal)
				}
			}
			for j, s := range specs {
				if removers[j] > 0 && !removes[i][j] && im.used[s.path] {
					edits = append(append(edits, s.removal), im.insertion(s.spec)...)
				}
			}
			p.d.SuggestedFixes = []analysis.SuggestedFix{{Message: p.fixMessage, TextEdits: dedupeEdits(edits)}}
		}
		rp.Pass.Report(p.d)
	}
}

// replaces reports whether the fix replaces, not keeps, the code at pos.
func (fx *fixer) replaces(pos token.Pos) bool {
	return !slices.ContainsFunc(fx.kept, func(k ast.Expr) bool { return k.Pos() <= pos && pos < k.End() }) &&
		slices.ContainsFunc(fx.edits, func(e analysis.TextEdit) bool { return e.Pos <= pos && pos < e.End })
}

// importUses maps the imports that some fix may leave unused to their
// uses in the file. Only an import used in code a fix replaces can be
// left unused, and most fixes replace a literal: the file is walked only
// when replaced code uses an import.
func (rp *Reporter) importUses(specs []importSpec) map[*types.PkgName][]token.Pos {
	// importOf returns the import id refers to: as a selector's qualifier,
	// or, for a dot import, as a package-level name of its package.
	importOf := func(id *ast.Ident) *types.PkgName {
		obj := rp.Pass.TypesInfo.Uses[id]
		if pn, ok := obj.(*types.PkgName); ok {
			return pn
		}
		for _, s := range specs {
			if pkg := s.pkgName.Imported(); s.name == "." && obj != nil && obj.Pkg() == pkg && obj.Parent() == pkg.Scope() {
				return s.pkgName
			}
		}
		return nil
	}
	candidates := make(map[*types.PkgName]bool)
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
			for c := range cur.Preorder((*ast.Ident)(nil)) {
				id := c.Node().(*ast.Ident)
				if pn := importOf(id); pn != nil && e.Pos <= id.Pos() && id.End() <= e.End {
					candidates[pn] = true
				}
			}
		}
	}
	uses := make(map[*types.PkgName][]token.Pos)
	if len(candidates) == 0 {
		return uses
	}
	for c := range rp.FileCur.Preorder((*ast.Ident)(nil)) {
		id := c.Node().(*ast.Ident)
		if pn := importOf(id); candidates[pn] {
			uses[pn] = append(uses[pn], id.Pos())
		}
	}
	return uses
}
