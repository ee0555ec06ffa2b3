package report

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"maps"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/portlint/portlint/internal/sites"
	"golang.org/x/tools/go/analysis"
)

// importer hands out qualifiers for packages a fix refers to, reusing the
// file's imports (renamed or dot imports included) and adding the missing
// ones. x/tools' own import editor is internal, hence this small one.
type importer struct {
	pass *analysis.Pass
	*fileImports
	added map[string]string // path -> name of imports to add
	used  map[string]bool   // paths of existing imports the new code uses
	// apart: a fix of the file removes the one spec of the declaration
	// added imports would join (see insertion).
	apart bool
}

// newImporter returns an importer for one fix in a file.
func newImporter(pass *analysis.Pass, fi *fileImports) *importer {
	return &importer{pass: pass, fileImports: fi, added: make(map[string]string), used: make(map[string]bool)}
}

// fileImports is what the importers of a file's fixes share.
type fileImports struct {
	file     *ast.File
	specs    []importSpec    // its named imports
	declared map[string]bool // whether it declares a name, memoized
}

// importSpec is one named import of a file.
type importSpec struct {
	path    string
	name    string // the name it is referred to by in the file: "." for a dot import
	spec    string // as written for re-insertion: [name ]"path"
	pkgName *types.PkgName
	removal analysis.TextEdit // a deletion, or, for a package that may have an init, a blank import
	decl    *ast.GenDecl      // the declaration holding it
}

// newFileImports lists a file's named imports with the edit removing each.
func newFileImports(pass *analysis.Pass, file *ast.File) *fileImports {
	var out []importSpec
	tf := pass.Fset.File(file.FileStart)
	for _, decl := range file.Decls {
		gd, ok := decl.(*ast.GenDecl)
		if !ok || gd.Tok != token.IMPORT {
			break
		}
		for _, s := range gd.Specs {
			spec := s.(*ast.ImportSpec)
			pn := pass.TypesInfo.PkgNameOf(spec)
			if spec.Name != nil && spec.Name.Name == "_" || pn == nil {
				continue // never used through a name
			}
			path, _ := strconv.Unquote(spec.Path.Value)
			is := importSpec{path: path, name: pn.Name(), spec: spec.Path.Value, pkgName: pn, decl: gd}
			if spec.Name != nil {
				is.spec = is.name + " " + is.spec
			}
			switch {
			case is.name == "." || !sites.StdPackage(path, pass.Pkg.Path()):
				// The package's init may matter (a handler registered,
				// a driver): it stays imported, blank.
				is.removal = analysis.TextEdit{Pos: spec.Path.Pos(), End: spec.Path.Pos(), NewText: []byte("_ ")}
				if spec.Name != nil {
					is.removal = analysis.TextEdit{Pos: spec.Name.Pos(), End: spec.Name.End(), NewText: []byte("_")}
				}
			case len(gd.Specs) > 1: // delete the spec's whole line
				start, end := tf.LineStart(tf.Line(spec.Pos())), spec.End()
				if line := tf.Line(end); line < tf.LineCount() {
					end = tf.LineStart(line + 1)
				}
				is.removal = analysis.TextEdit{Pos: start, End: end}
			default:
				is.removal = analysis.TextEdit{Pos: gd.Pos(), End: gd.End()}
			}
			out = append(out, is)
		}
	}
	return &fileImports{file: file, specs: out, declared: make(map[string]bool)}
}

// qualifier returns the prefix ("os.", "stdos.", or "" for a dot import)
// that refers to package path, named name, at pos.
func (im *importer) qualifier(path, name string, pos token.Pos) string {
	if name, ok := im.added[path]; ok {
		return name + "."
	}
	scope := im.scopeAt(pos)
	for _, s := range im.specs {
		switch {
		case s.path != path:
		case s.name == ".":
			im.used[path] = true
			return ""
		case lookup(scope, s.name, pos) == s.pkgName:
			im.used[path] = true
			return s.name + "."
		}
	}
	// A new import's name must be free wherever the fix writes it, so it
	// must not be declared anywhere in the file (a parameter named net).
	base := name
	for i := 2; lookup(scope, name, pos) != nil || im.taken(name) || im.declaredInFile(name); i++ {
		name = fmt.Sprintf("%s%d", base, i)
	}
	im.added[path] = name
	return name + "."
}

// scopeAt returns the innermost scope at pos, searched from the function
// declaration that holds pos: Scope.Innermost from the file's scope scans
// every function of the file, per finding.
func (im *importer) scopeAt(pos token.Pos) *types.Scope {
	decls := im.file.Decls
	i := sort.Search(len(decls), func(i int) bool { return decls[i].End() > pos })
	if i < len(decls) && decls[i].Pos() <= pos {
		if fd, ok := decls[i].(*ast.FuncDecl); ok && im.pass.TypesInfo.Scopes[fd.Type] != nil {
			if inner := im.pass.TypesInfo.Scopes[fd.Type].Innermost(pos); inner != nil {
				return inner
			}
		}
	}
	s := im.pass.TypesInfo.Scopes[im.file] // recorded even with type errors
	if inner := s.Innermost(pos); inner != nil {
		return inner
	}
	return s
}

// declaredInFile reports whether the file declares name in any scope, or
// the package at its top level (fields and methods hide no package).
func (im *importer) declaredInFile(name string) bool {
	if declared, ok := im.declared[name]; ok {
		return declared
	}
	declared := im.pass.Pkg.Scope().Lookup(name) != nil || declaredIn(im.pass.TypesInfo.Scopes[im.file], name)
	im.declared[name] = declared
	return declared
}

func declaredIn(s *types.Scope, name string) bool {
	if s == nil {
		return false
	}
	found := s.Lookup(name) != nil
	for c := range s.Children() {
		found = found || declaredIn(c, name)
	}
	return found
}

func lookup(scope *types.Scope, name string, pos token.Pos) types.Object {
	_, obj := scope.LookupParent(name, pos)
	return obj
}

// taken reports whether name is already used by an import added here or
// by any import of the file (a clash even where it is shadowed).
func (im *importer) taken(name string) bool {
	return slices.Contains(slices.Collect(maps.Values(im.added)), name) || slices.ContainsFunc(im.specs, func(s importSpec) bool { return s.name == name })
}

func defaultName(path string) string { return path[strings.LastIndexByte(path, '/')+1:] }

// edits returns the edits that add the imports (see insertion).
func (im *importer) edits() []analysis.TextEdit {
	var out []analysis.TextEdit
	for _, path := range slices.Sorted(maps.Keys(im.added)) {
		spec := strconv.Quote(path)
		if name := im.added[path]; name != defaultName(path) {
			spec = name + " " + spec
		}
		out = append(out, im.insertion(spec)...)
	}
	return out
}

// insertion adds spec to the file's imports, at positions that depend
// only on the file, so that identical edits of several fixes coalesce,
// and outside every import line, so that they never overlap the removal
// of an import another fix no longer needs:
//   - into the first parenthesized import block, right after "(" (gofmt
//     sorts it into that group);
//   - else into the first import declaration, which becomes a block:
//     import "net/http" turns into import ( "os" "net/http" ), by edits
//     around its one spec, unless a fix of the file removes that spec
//     (apart), whose removal is the whole declaration;
//   - else into a declaration of its own after the package clause.
func (im *importer) insertion(spec string) []analysis.TextEdit {
	gd := joinTarget(im.file)
	switch {
	case gd == nil || !gd.Lparen.IsValid() && im.apart:
		return []analysis.TextEdit{insertAt(im.file.Name.End(), "\n\nimport "+spec)}
	case gd.Lparen.IsValid():
		return []analysis.TextEdit{insertAt(gd.Lparen+1, "\n\t"+spec)}
	}
	only := gd.Specs[0]
	open := analysis.TextEdit{Pos: gd.TokPos + token.Pos(len("import")), End: only.Pos(), NewText: []byte(" (\n\t")}
	if slices.ContainsFunc(im.file.Comments, func(g *ast.CommentGroup) bool { return g.Pos() < open.End && g.End() > open.Pos }) {
		open.End = open.Pos // keep the comment: insert before it
	}
	return []analysis.TextEdit{open, insertAt(only.Pos(), spec+"\n\t"), insertAt(gd.End(), "\n)")}
}

// joinTarget returns the import declaration that added imports join: the
// file's first parenthesized one, else its first one. A cgo import "C"
// stays alone, with its preamble.
func joinTarget(file *ast.File) *ast.GenDecl {
	var first *ast.GenDecl
	for _, decl := range file.Decls {
		gd, ok := decl.(*ast.GenDecl)
		if !ok || gd.Tok != token.IMPORT {
			break
		}
		switch {
		case slices.ContainsFunc(gd.Specs, func(s ast.Spec) bool { return s.(*ast.ImportSpec).Path.Value == `"C"` }):
		case gd.Lparen.IsValid():
			return gd
		case first == nil:
			first = gd
		}
	}
	return first
}

func insertAt(pos token.Pos, text string) analysis.TextEdit {
	return analysis.TextEdit{Pos: pos, End: pos, NewText: []byte(text)}
}
