package resolve

import (
	"cmp"
	"go/ast"
	"go/token"
	"go/types"
	"iter"
	"slices"
	"sort"

	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"
)

// DeclCursors finds the cursor at a position by each file's top-level
// declarations, indexed once: Cursor.FindByPos from the root visits them
// one after the other, quadratic in a file of thousands of functions.
type DeclCursors struct {
	syn   Syntax
	files []fileDecls // by position, built on first need
}

type fileDecls struct {
	start, end token.Pos
	order      int // the file's index in the package's files
	file       *ast.File
	decls      []inspector.Cursor // in source order
}

func (d *DeclCursors) index() {
	for file := range d.syn.Preorder((*ast.File)(nil)) {
		f := file.Node().(*ast.File)
		fd := fileDecls{start: f.FileStart, end: f.FileEnd, order: len(d.files), file: f}
		for c := range file.Children() {
			if _, ok := c.Node().(ast.Decl); ok {
				fd.decls = append(fd.decls, c)
			}
		}
		d.files = append(d.files, fd)
	}
	// Files may be out of position order (parsed in parallel).
	slices.SortFunc(d.files, func(a, b fileDecls) int { return cmp.Compare(a.start, b.start) })
}

// file returns the declarations of the file holding pos.
func (d *DeclCursors) file(pos token.Pos) (*fileDecls, bool) {
	if d.files == nil {
		d.index()
	}
	i := sort.Search(len(d.files), func(i int) bool { return d.files[i].end > pos })
	if i == len(d.files) || d.files[i].start > pos {
		return nil, false
	}
	return &d.files[i], true
}

// compare orders positions as the package's files and their text do:
// files' positions follow the order they were parsed in, which varies.
func (d *DeclCursors) compare(a, b token.Pos) int {
	fa, _ := d.file(a)
	fb, _ := d.file(b)
	if fa != nil && fb != nil && fa != fb {
		return cmp.Compare(fa.order, fb.order)
	}
	return cmp.Compare(a, b)
}

// FuncDecl returns the function or method declaration holding pos, or nil.
func (d *DeclCursors) FuncDecl(pos token.Pos) *ast.FuncDecl {
	if c, ok := d.Decl(pos); ok {
		fd, _ := c.Node().(*ast.FuncDecl)
		return fd
	}
	return nil
}

// Decl returns the cursor of the top-level declaration holding pos.
func (d *DeclCursors) Decl(pos token.Pos) (inspector.Cursor, bool) {
	f, ok := d.file(pos)
	if !ok {
		return inspector.Cursor{}, false
	}
	decls := f.decls
	j := sort.Search(len(decls), func(j int) bool { return decls[j].Node().End() > pos })
	if j == len(decls) || decls[j].Node().Pos() > pos {
		return inspector.Cursor{}, false
	}
	return decls[j], true
}

// Find returns the innermost cursor enclosing [pos, end).
func (d *DeclCursors) Find(pos, end token.Pos) (inspector.Cursor, bool) {
	if dc, ok := d.Decl(pos); ok && end <= dc.Node().End() {
		return dc.FindByPos(pos, end)
	}
	for _, in := range d.syn {
		if cur, ok := in.Root().FindByPos(pos, end); ok {
			return cur, true
		}
	}
	return inspector.Cursor{}, false
}

// Syntax is a package's files as inspectors, in the package's order (a
// test variant's: its package's files, then its tests).
type Syntax []*inspector.Inspector

// Preorder visits the nodes of the given types in every file.
func (s Syntax) Preorder(types ...ast.Node) iter.Seq[inspector.Cursor] {
	return func(yield func(inspector.Cursor) bool) {
		for _, in := range s {
			for cur := range in.Root().Preorder(types...) {
				if !yield(cur) {
					return
				}
			}
		}
	}
}

// LocalUses returns the uses of the local variable v.
func LocalUses(info *types.Info, decls *DeclCursors, v *types.Var) []inspector.Cursor {
	decl, ok := decls.Decl(v.Pos())
	if !ok {
		return nil
	}
	var out []inspector.Cursor
	for cur := range decl.Preorder((*ast.Ident)(nil)) {
		if id := cur.Node().(*ast.Ident); id.Name == v.Name() && info.Uses[id] == v {
			out = append(out, cur)
		}
	}
	return out
}

// Written reports whether the expression at cur is assigned to (also by
// a range statement: for _, addrs[0] = range …), or its address taken.
func Written(cur inspector.Cursor) bool {
	switch cur.ParentEdgeKind() {
	case edge.AssignStmt_Lhs, edge.UnaryExpr_X, edge.IncDecStmt_X, edge.RangeStmt_Key, edge.RangeStmt_Value:
		return true
	}
	return false
}

// fieldReadOnly reports whether the selector at cur, and any it leads to
// (s.HTTP.Addr), only reads a field: no method, write or address taken.
func fieldReadOnly(info *types.Info, cur inspector.Cursor) bool {
	for {
		s := info.Selections[cur.Node().(*ast.SelectorExpr)]
		if s == nil || s.Kind() != types.FieldVal {
			return false
		}
		if cur.ParentEdgeKind() != edge.SelectorExpr_X {
			return !Written(cur)
		}
		cur = cur.Parent()
	}
}
