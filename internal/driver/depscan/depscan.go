package depscan

import (
	"go/ast"
	"go/token"
	"slices"
	"strconv"

	"github.com/portlint/portlint/internal/listenapi"
)

// The scan of a dependency (Scan) finds, by names and without types,
// the declarations that may get a fact from a listen site, as the pass
// would learn it (internal/sites, sink.go):
//
//   - a sink ("f:Name", "m:Name"): a function or method one of whose
//     parameters that can hold an address flows, through local
//     variables, into the arguments of a listen call (a rule's, a sink of
//     a package below, a sink of the package, or a function parameter,
//     which may be a sink passed in) or into a write of a field that can
//     be a sink;
//   - a sink field ("v:Name"): a field of the package that can hold an
//     address and flows so, read directly or through a method called
//     without arguments (a getter);
//   - a server ("S" before "f:Name" or "m:Name"): a function or method
//     that holds a listen site at all, which only a command's facts read.
//
// A field can be a sink field of a rule (http.Server's Addr) or of a
// package below; a write of one is a site. The approximation errs on the
// side of a name: it is cheap and not exact, so that the pass computes
// the facts of a superset of the packages that have them.

// A scanner holds what the scan of one package knows.
type scanner struct {
	rules   *listenapi.NameIndex
	imports map[string]string // package names, by path
	sees    func(string) bool
	self    bool // the package is a rule's
	scanned func(string) map[string]bool
	// belowMethods are the names of the sink methods of the packages
	// below, whose scans named them.
	belowMethods map[string]bool

	fields map[string]bool        // the package's fields that can hold an address
	funcs  []*scanFunc            // its functions, methods and variables
	byKey  map[string][]*scanFunc // by key
	sink   map[string]bool        // keys of sinks, and "v:"+field of sink fields
	server map[string]bool        // keys of servers
	// sinkArgs are the indexes of the parameters of the package's sinks
	// that flow into a listen site, by key.
	sinkArgs map[string]uint64
	learned  []string // the names of the sinks and fields learned in a round
	// mentions are the functions that name each identifier, indexed
	// by the first round of visits (then indexed is set).
	mentions map[string][]*scanFunc
	indexed  bool
	getter   map[string]*sourceSet // the fields a getter reads, by key
}

// A scanFunc is a function, a method or a package variable.
type scanFunc struct {
	key      string         // "f:Name" or "m:Name"
	params   map[string]int // the indexes of its parameters that can hold an address, by name
	imported map[string]string
	dots     []string
	nodes    []ast.Node
	locals   map[string]*sourceSet // computed on first need
}

// scan returns the names of files' declarations that may get a fact.
func (sc *scanner) scan(files []*ast.File) []string {
	types := make(map[string]ast.Expr)
	for _, f := range files {
		for _, d := range f.Decls {
			if gd, ok := d.(*ast.GenDecl); ok && gd.Tok == token.TYPE {
				for _, spec := range gd.Specs {
					ts := spec.(*ast.TypeSpec)
					types[ts.Name.Name] = ts.Type
				}
			}
		}
	}
	sc.fields = make(map[string]bool)
	sc.byKey = make(map[string][]*scanFunc)
	for _, f := range files {
		imported := make(map[string]string) // import names to paths
		var dots []string
		for _, spec := range f.Imports {
			path, err := strconv.Unquote(spec.Path.Value)
			if err != nil {
				continue
			}
			name := sc.imports[path]
			if spec.Name != nil {
				name = spec.Name.Name
			}
			switch name {
			case "_", "":
			case ".":
				dots = append(dots, path)
			default:
				imported[name] = path
			}
		}
		add := func(fn *scanFunc) {
			fn.imported, fn.dots = imported, dots
			sc.funcs = append(sc.funcs, fn)
			sc.byKey[fn.key] = append(sc.byKey[fn.key], fn)
		}
		for _, d := range f.Decls {
			switch d := d.(type) {
			case *ast.FuncDecl:
				if d.Body == nil {
					continue
				}
				fn := &scanFunc{key: "f:" + d.Name.Name, params: make(map[string]int), nodes: []ast.Node{d.Body}}
				if d.Recv != nil {
					fn.key = "m:" + d.Name.Name
				}
				index := 0
				for i, p := range d.Type.Params.List {
					t := p.Type
					if e, ok := t.(*ast.Ellipsis); ok && i == len(d.Type.Params.List)-1 {
						t = e.Elt
					}
					for _, n := range p.Names {
						if index < 64 && mayHoldAddress(t, types, imported, 0) {
							fn.params[n.Name] = index
						}
						index++
					}
				}
				add(fn)
			case *ast.GenDecl:
				for _, spec := range d.Specs {
					switch spec := spec.(type) {
					case *ast.ValueSpec:
						var nodes []ast.Node
						for _, v := range spec.Values {
							nodes = append(nodes, v)
						}
						for _, name := range spec.Names {
							add(&scanFunc{key: "f:" + name.Name, nodes: nodes})
						}
					case *ast.TypeSpec:
						ast.Inspect(spec.Type, func(n ast.Node) bool {
							if st, ok := n.(*ast.StructType); ok {
								for _, fld := range st.Fields.List {
									if mayHoldAddress(fld.Type, types, imported, 0) {
										for _, name := range fld.Names {
											sc.fields[name.Name] = true
										}
									}
								}
							}
							return true
						})
					}
				}
			}
		}
	}
	sc.sink, sc.server, sc.sinkArgs = make(map[string]bool), make(map[string]bool), make(map[string]uint64)
	// Visit every function once, then again only those that name a sink
	// or a field learned since: the first visits index the names.
	sc.mentions = make(map[string][]*scanFunc)
	for queue := sc.funcs; len(queue) > 0; {
		sc.learned = nil
		for _, fn := range queue {
			sc.visit(fn)
		}
		sc.indexed = true
		queued := make(map[*scanFunc]bool)
		queue = nil
		for _, name := range sc.learned {
			for _, fn := range sc.mentions[name] {
				if !queued[fn] {
					queued[fn] = true
					queue = append(queue, fn)
				}
			}
		}
	}
	var names []string
	for key := range sc.sink {
		if token.IsExported(key[2:]) {
			names = append(names, key)
		}
	}
	for key := range sc.server {
		if token.IsExported(key[2:]) {
			names = append(names, "S"+key)
		}
	}
	return names
}

// visit finds the listen sites of fn by names and what flows into them,
// and adds the names of the sinks and fields it learns to sc.learned.
func (sc *scanner) visit(fn *scanFunc) {
	learn := func(key string) {
		sc.sink[key] = true
		sc.learned = append(sc.learned, key[2:])
	}
	flows := func(e ast.Expr) {
		src := sc.sources(fn, sc.locals(fn), e)
		if src.params&^sc.sinkArgs[fn.key] != 0 {
			sc.sinkArgs[fn.key] |= src.params
			learn(fn.key)
		}
		for _, f := range src.fields {
			if !sc.sink["v:"+f] {
				learn("v:" + f)
			}
		}
	}
	// write handles a write of the field name of a value of type typ
	// (nil if the syntax does not tell).
	write := func(typ ast.Expr, name string, value ast.Expr) {
		if sc.ruleField(fn, typ, name) || sc.belowField(fn, typ, name) || sc.sink["v:"+name] {
			sc.server[fn.key] = true
			if value != nil {
				flows(value)
			}
		}
	}
	elided := make(map[*ast.CompositeLit]ast.Expr) // the types of literals written without one
	for _, n := range fn.nodes {
		ast.Inspect(n, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.Ident:
				// A function's names are indexed once each: its
				// own are appended in a row.
				if l := sc.mentions[n.Name]; !sc.indexed && (len(l) == 0 || l[len(l)-1] != fn) {
					sc.mentions[n.Name] = append(l, fn)
				}
			case *ast.CallExpr:
				if args, ok := sc.listenCall(fn, n); ok || sc.passesSink(fn, n) {
					sc.server[fn.key] = true
					for i, a := range n.Args {
						if !ok || args == nil || slices.Contains(args, i) {
							flows(a)
						}
					}
				}
			case *ast.CompositeLit:
				typ := n.Type
				if typ == nil {
					typ = elided[n]
				}
				var elem ast.Expr // the type of elements written without one
				switch t := typ.(type) {
				case *ast.ArrayType:
					elem = t.Elt
				case *ast.MapType:
					elem = t.Value
				}
				if p, ok := elem.(*ast.StarExpr); ok {
					elem = p.X
				}
				for _, elt := range n.Elts {
					if kv, ok := elt.(*ast.KeyValueExpr); ok {
						if id, ok := kv.Key.(*ast.Ident); ok && elem == nil {
							write(typ, id.Name, kv.Value)
						}
						elt = kv.Value
					}
					if u, ok := elt.(*ast.UnaryExpr); ok && u.Op == token.AND {
						elt = u.X
					}
					if lit, ok := elt.(*ast.CompositeLit); ok && lit.Type == nil && elem != nil {
						elided[lit] = elem
					}
				}
			case *ast.AssignStmt:
				for i, lhs := range n.Lhs {
					if sel, ok := ast.Unparen(lhs).(*ast.SelectorExpr); ok {
						var value ast.Expr
						if len(n.Lhs) == len(n.Rhs) {
							value = n.Rhs[i]
						} else if len(n.Rhs) == 1 {
							value = n.Rhs[0]
						}
						write(nil, sel.Sel.Name, value)
					}
				}
			}
			return true
		})
	}
}
