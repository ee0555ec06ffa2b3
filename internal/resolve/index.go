package resolve

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/ast/inspector"
)

// def is one definition reaching a variable: the value assigned (nil:
// the zero value); Index >= 0 selects one result of a multi-value Rhs
// (a, err := net.ResolveTCPAddr(...)).
type def struct {
	Rhs   ast.Expr
	Index int
	pos   token.Pos      // the defining statement, for fixes and related info
	next  []ast.Stmt     // the statements after the definition's, if known
	loop  *ast.RangeStmt // of a list's element a ranging variable takes in turn
}

// varIndex maps each variable of a top-level declaration (or the
// package's, see VarIndexes) to all its definitions, found by one walk;
// a variable whose value can change out of sight (address taken,
// op-assigned, ranged over) is opaque.
type varIndex struct {
	Defs      map[*types.Var][]def
	Opaque    map[*types.Var]bool
	FieldDefs map[FieldKey][]def // v.F = e, of struct variables
	// FieldOpaque: v.F changed out of sight (&v.F, v.F++), which makes
	// that field unknown, not v's others.
	FieldOpaque map[FieldKey]bool
	Params      map[*types.Var]bool // parameters and receivers: their callers' values (params.go)
	// for _, a := range addrs: a takes addrs' elements, if known (lists.go).
	elems map[*types.Var]*ast.RangeStmt
}

type FieldKey struct {
	Var   *types.Var
	Field string
}

// VarIndexes holds the indexes of a package's variables, each built on
// first need: one per top-level declaration for its local variables, and
// one for the package-level variables from the statements around the
// identifiers spelt like one (occurrences), the one walk of the package.
type VarIndexes struct {
	files     []*ast.File
	syn       Syntax
	decls     *DeclCursors
	info      *types.Info
	pkg       *types.Package
	byVar     map[*types.Var]*varIndex
	byDecl    map[ast.Decl]*varIndex
	global    *varIndex
	occ       map[string][]inspector.Cursor // see occurrences
	funcNames map[string]bool               // of functions whose callers params.go indexes, with occ
	closures  []inspector.Cursor            // function literals with an address parameter, with occ
	pkgVars   *varFilter                    // by the names of the files' var declarations
}

var emptyIndex = newVarIndex()

func newVarIndexes(files []*ast.File, syn Syntax, decls *DeclCursors, info *types.Info, pkg *types.Package) *VarIndexes {
	xs := &VarIndexes{
		files: files, syn: syn, decls: decls, info: info, pkg: pkg,
		byVar:  make(map[*types.Var]*varIndex),
		byDecl: make(map[ast.Decl]*varIndex),
	}
	xs.pkgVars = &varFilter{scope: pkg.Scope(), names: make(map[string]bool)}
	for spec := range topSpecs(files, token.VAR) {
		for _, name := range spec.(*ast.ValueSpec).Names {
			if name.Name != "_" { // var _ = …: no variable
				xs.pkgVars.names[name.Name] = true
			}
		}
	}
	return xs
}

func newVarIndex() *varIndex {
	return &varIndex{
		Defs:      make(map[*types.Var][]def),
		Opaque:    make(map[*types.Var]bool),
		FieldDefs: make(map[FieldKey][]def), FieldOpaque: make(map[FieldKey]bool),
		Params: make(map[*types.Var]bool),
		elems:  make(map[*types.Var]*ast.RangeStmt),
	}
}

// Of returns the index that holds v's definitions (an empty one for a
// variable of another package, which the package does not control).
func (xs *VarIndexes) Of(v *types.Var) *varIndex {
	if v.Pkg() != xs.pkg || v.IsField() {
		return emptyIndex
	}
	if x, ok := xs.byVar[v]; ok {
		return x
	}
	x := emptyIndex
	if v.Parent() == xs.pkg.Scope() {
		x = xs.globalIndex()
	} else if dc, ok := xs.decls.Decl(v.Pos()); ok {
		d := dc.Node().(ast.Decl)
		if x = xs.byDecl[d]; x == nil {
			x = newVarIndex()
			x.add(dc, xs.info, nil)
			xs.byDecl[d] = x
		}
	}
	xs.byVar[v] = x
	return x
}

// occurrences returns, by name, the package's identifiers spelt like a
// package-level variable or like a function whose callers params.go
// indexes (funcNames: a closed function, or a closure assigned to a
// variable, with an address parameter; closures lists the literals),
// found by one walk that compares names before any type lookup.
func (xs *VarIndexes) occurrences() map[string][]inspector.Cursor {
	if xs.occ != nil {
		return xs.occ
	}
	xs.funcNames = make(map[string]bool)
	for fn, fd := range declaredFuncs(xs.files, xs.info) {
		if closedFunc(fd) && hasAddressParam(fn.Signature()) {
			xs.funcNames[fd.Name.Name] = true
		}
	}
	for cur := range xs.syn.Preorder((*ast.FuncLit)(nil)) {
		if sig, ok := xs.info.TypeOf(cur.Node().(*ast.FuncLit)).(*types.Signature); ok && hasAddressParam(sig) {
			xs.closures = append(xs.closures, cur)
			if as, ok := cur.Parent().Node().(*ast.AssignStmt); ok && len(as.Lhs) == 1 && ident(as.Lhs[0]) != nil {
				xs.funcNames[ident(as.Lhs[0]).Name] = true
			}
		}
	}
	vars := xs.pkgVars.names
	var sigs NameSignatures
	for name := range vars {
		sigs.Add(name)
	}
	for name := range xs.funcNames {
		sigs.Add(name)
	}
	xs.occ = make(map[string][]inspector.Cursor)
	for cur := range xs.syn.Preorder((*ast.Ident)(nil)) {
		if name := cur.Node().(*ast.Ident).Name; sigs.MayHave(name) && (vars[name] || xs.funcNames[name]) {
			xs.occ[name] = append(xs.occ[name], cur)
		}
	}
	return xs.occ
}

// Uses returns the uses of a variable of the package: a local one's in
// its declaration, a package-level one's in every file.
func (xs *VarIndexes) Uses(v *types.Var) []inspector.Cursor {
	if v.Parent() != xs.pkg.Scope() {
		return LocalUses(xs.info, xs.decls, v)
	}
	return slices.DeleteFunc(slices.Clone(xs.occurrences()[v.Name()]), func(cur inspector.Cursor) bool { return xs.info.Uses[cur.Node().(*ast.Ident)] != v })
}

// NameSignatures is a bitset of names' signatures (length, first and last
// byte): a check before hashing a name for a map lookup, which most
// identifiers of a package fail.
type NameSignatures [64]uint64

func signature(name string) uint {
	if name == "" {
		return 0
	}
	return (uint(len(name))<<7 ^ uint(name[0])<<2 ^ uint(name[len(name)-1])) & 4095
}

func (s *NameSignatures) Add(name string) { s[signature(name)>>6] |= 1 << (signature(name) & 63) }

func (s *NameSignatures) MayHave(name string) bool {
	return s[signature(name)>>6]&(1<<(signature(name)&63)) != 0
}

// globalIndex returns the index of the package-level variables: what
// defines one or makes it opaque contains its identifier, so it records
// the nodes from each up to its statement, each once, in files' order.
func (xs *VarIndexes) globalIndex() *varIndex {
	if xs.global != nil {
		return xs.global
	}
	xs.global = newVarIndex()
	only := xs.pkgVars
	occ := xs.occurrences()
	var ids []inspector.Cursor
	for name := range only.names {
		ids = append(ids, occ[name]...)
	}
	slices.SortFunc(ids, func(a, b inspector.Cursor) int { return xs.decls.compare(a.Node().Pos(), b.Node().Pos()) })
	rec := recorder{xs.global, xs.info, only}
	done := make(map[ast.Node]bool)
	for _, id := range ids {
	up:
		for c := id.Parent(); c.Node() != nil && !done[c.Node()]; c = c.Parent() {
			done[c.Node()] = true
			rec.node(c) // records only indexNodes; no parameter is package-level
			switch c.Node().(type) {
			case ast.Stmt, ast.Decl:
				break up
			}
		}
	}
	return xs.global
}

// A varFilter restricts an index to the variables of one scope, by name
// before any type lookup.
type varFilter struct {
	scope *types.Scope
	names map[string]bool // of the scope's variables
}

// ident reports whether id may name a variable of the filter (nil: all).
func (f *varFilter) ident(id *ast.Ident) bool { return f == nil || id != nil && f.names[id.Name] }

func (f *varFilter) keeps(v *types.Var) bool { return f == nil || v.Parent() == f.scope }

// stmts returns the statements of a block or a case clause.
func stmts(n ast.Node) []ast.Stmt {
	switch n := n.(type) {
	case *ast.BlockStmt:
		return n.List
	case *ast.CaseClause:
		return n.Body
	}
	return nil
}

// following returns the statements after the one at cur in its block.
func following(cur inspector.Cursor) []ast.Stmt {
	_, i := cur.ParentEdge()
	if list := stmts(cur.Parent().Node()); list != nil {
		return list[i+1:]
	}
	return nil
}

// isVar and isField match assignment targets: v, or v.name.
func isVar(v *types.Var, info *types.Info) func(ast.Expr) bool {
	return func(lhs ast.Expr) bool { return v != nil && info.Uses[ident(lhs)] == v }
}

func isField(v *types.Var, name string, info *types.Info) func(ast.Expr) bool {
	return func(lhs ast.Expr) bool {
		sel, ok := ast.Unparen(lhs).(*ast.SelectorExpr)
		return ok && sel.Sel.Name == name && isVar(v, info)(sel.X)
	}
}

// definitelyAssigns reports whether the statements stmts assign a target
// on every path before anything else can: in a run of plain assignments
// (c.Host = h; c.Port = p), or an if/else chain or a switch with default
// whose every branch does. A definition they follow never reaches a use.
func definitelyAssigns(stmts []ast.Stmt, target func(ast.Expr) bool) bool {
	for _, n := range stmts {
		switch n := n.(type) {
		case *ast.AssignStmt:
			if n.Tok == token.ASSIGN && !slices.ContainsFunc(n.Lhs, target) {
				continue // another target set first
			}
			return n.Tok == token.ASSIGN
		case *ast.BlockStmt:
			return definitelyAssigns(n.List, target)
		case *ast.IfStmt:
			return n.Else != nil && definitelyAssigns(n.Body.List, target) && definitelyAssigns([]ast.Stmt{n.Else}, target)
		case *ast.SwitchStmt:
			hasDefault := false
			for _, s := range n.Body.List {
				cc := s.(*ast.CaseClause)
				hasDefault = hasDefault || cc.List == nil
				if !definitelyAssigns(cc.Body, target) {
					return false
				}
			}
			return hasDefault
		}
		return false
	}
	return false
}

func isSliceOrArray(t types.Type) bool {
	switch t.Underlying().(type) {
	case *types.Slice, *types.Array:
		return true
	}
	return false
}
