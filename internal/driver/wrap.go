package driver

import (
	"bytes"
	"cmp"
	"encoding/gob"
	"fmt"
	"go/types"
	"reflect"
	"slices"
	"sync"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/types/objectpath"
)

// A factTable holds the facts of the selected dependencies, encoded, by
// package path: an object's by its objectpath, which names the same
// object in the package loaded from source, where the fact was computed,
// and in its export data, which the roots see.
type factTable struct {
	types map[string]reflect.Type // the analyzer's fact types, by factTypeName
	pkgs  map[string]*factSet     // by package path
}

type factSet struct {
	objects  map[objectFactID]*lazyFact
	packages map[reflect.Type]*lazyFact
}

type objectFactID struct {
	path objectpath.Path
	typ  reflect.Type
}

// A lazyFact is a fact's gob encoding, decoded on first use.
type lazyFact struct {
	data []byte
	once sync.Once
	fact analysis.Fact // nil if data does not decode
}

func (lf *lazyFact) get(t reflect.Type) analysis.Fact {
	lf.once.Do(func() {
		fact := reflect.New(t.Elem()).Interface().(analysis.Fact)
		if gob.NewDecoder(bytes.NewReader(lf.data)).Decode(fact) == nil {
			lf.fact = fact
		}
	})
	return lf.fact
}

func newFactTable(a *analysis.Analyzer) *factTable {
	t := &factTable{types: make(map[string]reflect.Type), pkgs: make(map[string]*factSet)}
	for _, f := range a.FactTypes {
		typ := reflect.TypeOf(f)
		t.types[factTypeName(typ)] = typ
	}
	return t
}

// factTypeName names a fact type in the cache: its package path and name.
func factTypeName(t reflect.Type) string {
	if t.Kind() == reflect.Pointer && t.Elem().Name() != "" {
		return t.Elem().PkgPath() + "." + t.Elem().Name()
	}
	return t.String()
}

// add adds the facts of the package path from entry; facts of types the
// analyzer does not declare are dropped.
func (t *factTable) add(path string, entry *cacheEntry) {
	set := &factSet{objects: make(map[objectFactID]*lazyFact), packages: make(map[reflect.Type]*lazyFact)}
	for _, f := range entry.Objects {
		if typ := t.types[f.Type]; typ != nil {
			set.objects[objectFactID{objectpath.Path(f.Path), typ}] = &lazyFact{data: f.Data}
		}
	}
	for _, f := range entry.Packages {
		if typ := t.types[f.Type]; typ != nil {
			set.packages[typ] = &lazyFact{data: f.Data}
		}
	}
	t.pkgs[path] = set
}

// encodeFacts encodes the facts act (a dependency's action) exported on
// its package's objects and on its package. Facts on objects without an
// objectpath (local to a function) cannot be seen by another package.
func encodeFacts(act *checker.Action, t *factTable) *cacheEntry {
	pkg := act.Package.Types
	entry := new(cacheEntry)
	var enc objectpath.Encoder
	for _, f := range act.AllObjectFacts() {
		if f.Object.Pkg() != pkg {
			continue // inherited from a dependency
		}
		path, err := enc.For(f.Object)
		if err != nil {
			continue
		}
		if data, name, ok := encodeFact(f.Fact, t); ok {
			entry.Objects = append(entry.Objects, cachedFact{Path: string(path), Type: name, Data: data})
		}
	}
	for _, f := range act.AllPackageFacts() {
		if f.Package != pkg {
			continue
		}
		if data, name, ok := encodeFact(f.Fact, t); ok {
			entry.Packages = append(entry.Packages, cachedFact{Type: name, Data: data})
		}
	}
	order := func(x, y cachedFact) int { return cmp.Or(cmp.Compare(x.Path, y.Path), cmp.Compare(x.Type, y.Type)) }
	slices.SortFunc(entry.Objects, order)
	slices.SortFunc(entry.Packages, order)
	return entry
}

func encodeFact(fact analysis.Fact, t *factTable) (data []byte, typeName string, ok bool) {
	typeName = factTypeName(reflect.TypeOf(fact))
	if t.types[typeName] == nil {
		return nil, "", false
	}
	var buf bytes.Buffer
	if gob.NewEncoder(&buf).Encode(fact) != nil {
		return nil, "", false
	}
	return buf.Bytes(), typeName, true
}

// wrapAnalyzer returns a copy of a whose passes also import the facts of
// table. The checker knows only its own facts and has no way to take
// others, hence the copy: the pass it gives the copy's Run is handed to
// a's Run with ImportObjectFact, ImportPackageFact, AllObjectFacts and
// AllPackageFacts that ask the checker first, then table. The pass names
// a as its analyzer; the checker's actions name the copy, until the
// caller names a again (restoreAnalyzer). With recoverPanics, a panic of
// the pass is its error: for dependencies, which no one asked to check.
func wrapAnalyzer(a *analysis.Analyzer, table *factTable, recoverPanics bool) *analysis.Analyzer {
	v := &factView{table: table, paths: make(map[types.Object]objectPathMemo)}
	w := &analysis.Analyzer{
		Name:             a.Name,
		Doc:              a.Doc,
		URL:              a.URL,
		Requires:         a.Requires,
		ResultType:       a.ResultType,
		FactTypes:        a.FactTypes,
		RunDespiteErrors: a.RunDespiteErrors,
	}
	w.Run = func(pass *analysis.Pass) (result any, err error) {
		if recoverPanics {
			defer func() {
				if r := recover(); r != nil {
					result, err = nil, fmt.Errorf("panic: %v", r)
				}
			}()
		}
		return a.Run(v.wrap(pass, a))
	}
	return w
}

// restoreAnalyzer names a, instead of its copy w, in the actions of
// graph, for the output (names, SARIF rules, fixes) to be a's.
func restoreAnalyzer(graph *checker.Graph, w, a *analysis.Analyzer) {
	for act := range graph.All() {
		if act.Analyzer == w {
			act.Analyzer = a
		}
	}
}

// A factView answers the wrapped passes of one checker.Analyze from a
// table. Its memo of objectpaths is shared by the passes, which see the
// same export data objects of a dependency.
type factView struct {
	table *factTable
	mu    sync.Mutex
	enc   objectpath.Encoder // guarded by mu
	paths map[types.Object]objectPathMemo
}

type objectPathMemo struct {
	path objectpath.Path
	ok   bool
}

func (v *factView) objectPath(obj types.Object) (objectpath.Path, bool) {
	v.mu.Lock()
	defer v.mu.Unlock()
	m, seen := v.paths[obj]
	if !seen {
		path, err := v.enc.For(obj)
		m = objectPathMemo{path, err == nil}
		v.paths[obj] = m
	}
	return m.path, m.ok
}

func (v *factView) objectFact(obj types.Object, ptr analysis.Fact) bool {
	pkg := obj.Pkg()
	if pkg == nil {
		return false
	}
	set := v.table.pkgs[pkg.Path()]
	if set == nil || len(set.objects) == 0 {
		return false // the common case, before any objectpath work
	}
	path, ok := v.objectPath(obj)
	if !ok {
		return false
	}
	typ := reflect.TypeOf(ptr)
	return copyFact(set.objects[objectFactID{path, typ}], typ, ptr)
}

func (v *factView) packageFact(pkg *types.Package, ptr analysis.Fact) bool {
	set := v.table.pkgs[pkg.Path()]
	if set == nil {
		return false
	}
	typ := reflect.TypeOf(ptr)
	return copyFact(set.packages[typ], typ, ptr)
}

// copyFact sets *ptr to the fact lf holds, as the checker does.
func copyFact(lf *lazyFact, typ reflect.Type, ptr analysis.Fact) bool {
	if lf == nil {
		return false
	}
	fact := lf.get(typ)
	if fact == nil {
		return false
	}
	reflect.ValueOf(ptr).Elem().Set(reflect.ValueOf(fact).Elem())
	return true
}

// wrap returns a copy of pass whose fact imports also answer from v.
func (v *factView) wrap(pass *analysis.Pass, a *analysis.Analyzer) *analysis.Pass {
	p := *pass
	p.Analyzer = a
	p.ImportObjectFact = func(obj types.Object, ptr analysis.Fact) bool {
		return pass.ImportObjectFact(obj, ptr) || v.objectFact(obj, ptr)
	}
	p.ImportPackageFact = func(pkg *types.Package, ptr analysis.Fact) bool {
		return pass.ImportPackageFact(pkg, ptr) || v.packageFact(pkg, ptr)
	}
	// The table's packages as this pass sees them: those among its
	// package's imports, transitively, found on first need.
	visible := sync.OnceValue(func() []*types.Package {
		var pkgs []*types.Package
		seen := make(map[*types.Package]bool)
		var walk func(*types.Package)
		walk = func(pkg *types.Package) {
			for _, imp := range pkg.Imports() {
				if !seen[imp] {
					seen[imp] = true
					if v.table.pkgs[imp.Path()] != nil {
						pkgs = append(pkgs, imp)
					}
					walk(imp)
				}
			}
		}
		walk(pass.Pkg)
		return pkgs
	})
	p.AllObjectFacts = func() []analysis.ObjectFact {
		facts := pass.AllObjectFacts()
		for _, pkg := range visible() {
			for id, lf := range v.table.pkgs[pkg.Path()].objects {
				obj, err := objectpath.Object(pkg, id.path)
				if err != nil {
					continue
				}
				if fact := lf.get(id.typ); fact != nil {
					facts = append(facts, analysis.ObjectFact{Object: obj, Fact: fact})
				}
			}
		}
		return facts
	}
	p.AllPackageFacts = func() []analysis.PackageFact {
		facts := pass.AllPackageFacts()
		for _, pkg := range visible() {
			for typ, lf := range v.table.pkgs[pkg.Path()].packages {
				if fact := lf.get(typ); fact != nil {
					facts = append(facts, analysis.PackageFact{Package: pkg, Fact: fact})
				}
			}
		}
		return facts
	}
	return &p
}
