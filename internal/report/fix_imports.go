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

// importRemovals returns, for each pending finding of the file, the
// import edits its fix needs beyond its own: the removal of each import it
// leaves unused, and the removal and re-insertion of each import another
// fix removes but its new code uses.
func (rp *Reporter) importRemovals() [][]analysis.TextEdit {
	specs := fileImports(rp.Pass, rp.File)
	uses := rp.importUses(specs)
	removes := make([][]bool, len(rp.pending)) // finding -> spec -> its fix removes it
	removers := make([]int, len(specs))        // spec -> how many fixes remove it
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
			}
		}
	}
	// A single unparenthesized import that a fix removes goes with its
	// whole declaration: added imports cannot join that one.
	target := joinTarget(rp.File)
	apart := false
	for j, s := range specs {
		apart = apart || target != nil && !target.Lparen.IsValid() && s.decl == target && removers[j] > 0
	}
	out := make([][]analysis.TextEdit, len(rp.pending))
	for i, p := range rp.pending {
		if p.fx == nil {
			continue
		}
		im := p.fx.imps[0]
		im.apart = apart
		for j, s := range specs {
			if removes[i][j] {
				out[i] = append(out[i], s.removal)
			}
		}
		for j, s := range specs {
			if removers[j] > 0 && !removes[i][j] && im.used[s.path] {
				out[i] = append(append(out[i], s.removal), im.insertion(s.path, s.spec)...)
			}
		}
	}
	return out
}

// replaces reports whether the fix replaces the code at pos, rather than
// keeping it (see fixer.kept).
func (fx *fixer) replaces(pos token.Pos) bool {
	return !slices.ContainsFunc(fx.kept, func(k ast.Expr) bool { return k.Pos() <= pos && pos < k.End() }) &&
		slices.ContainsFunc(fx.edits, func(e analysis.TextEdit) bool { return e.Pos <= pos && pos < e.End })
}

// importUses maps each import of the file to its uses: the qualifiers
// of selectors, and for a dot import the package-level names of its
// package written without one.
func (rp *Reporter) importUses(specs []importSpec) map[*types.PkgName][]token.Pos {
	var dots []*types.PkgName
	for _, s := range specs {
		if s.name == "." {
			dots = append(dots, s.pkgName)
		}
	}
	uses := make(map[*types.PkgName][]token.Pos)
	for cur := range rp.FileCur.Preorder((*ast.Ident)(nil)) {
		id := cur.Node().(*ast.Ident)
		obj := rp.Pass.TypesInfo.Uses[id]
		if pn, ok := obj.(*types.PkgName); ok {
			uses[pn] = append(uses[pn], id.Pos())
			continue
		}
		for _, dot := range dots {
			if pkg := dot.Imported(); obj != nil && obj.Pkg() == pkg && obj.Parent() == pkg.Scope() {
				uses[dot] = append(uses[dot], id.Pos())
			}
		}
	}
	return uses
}
