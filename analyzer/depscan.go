package analyzer

import (
	"go/ast"
	"go/token"
	"slices"
	"strconv"
	"strings"
)

// The scan of a dependency (DepScan) finds, by names and without types,
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
	rules   *ruleNames
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
	learned  []string              // the names of the sinks and fields learned in a round
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

// A sourceSet is where a value may come from: parameters of the
// function (a set of indexes), fields of the package.
type sourceSet struct {
	params uint64
	fields []string
}

func (s *sourceSet) add(o sourceSet) bool {
	grown := o.params&^s.params != 0
	s.params |= o.params
	for _, f := range o.fields {
		if !slices.Contains(s.fields, f) {
			s.fields = append(s.fields, f)
			grown = true
		}
	}
	return grown
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
	// or a field learned since.
	mentions := make(map[string][]*scanFunc)
	for _, fn := range sc.funcs {
		seen := make(map[string]bool)
		for _, n := range fn.nodes {
			ast.Inspect(n, func(n ast.Node) bool {
				if id, ok := n.(*ast.Ident); ok && !seen[id.Name] {
					seen[id.Name] = true
					mentions[id.Name] = append(mentions[id.Name], fn)
				}
				return true
			})
		}
	}
	for queue := sc.funcs; len(queue) > 0; {
		sc.learned = nil
		for _, fn := range queue {
			sc.visit(fn)
		}
		queued := make(map[*scanFunc]bool)
		queue = nil
		for _, name := range sc.learned {
			for _, fn := range mentions[name] {
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

// listenCall reports whether call may be a listen site of fn: a call of
// a rule's listen function or method, or of a sink below or of the
// package; and, for a rule's, the indexes of its address arguments (nil:
// any argument).
func (sc *scanner) listenCall(fn *scanFunc, call *ast.CallExpr) ([]int, bool) {
	switch fun := ast.Unparen(call.Fun).(type) {
	case *ast.SelectorExpr:
		name := fun.Sel.Name
		if x, ok := fun.X.(*ast.Ident); ok {
			if path, ok := fn.imported[x.Name]; ok {
				if sc.rules.funcs[path][name] {
					return ruleArgs(sc.rules, path, name), true
				}
				return nil, sc.scanned(path)["f:"+name]
			}
		}
		if slices.ContainsFunc(sc.rules.methods[name], sc.sees) {
			return append([]int{}, sc.rules.addrArgs[name]...), true
		}
		if sc.belowMethods[name] {
			return nil, true
		}
		return indexes(sc.sinkArgs["m:"+name]), sc.sink["m:"+name]
	case *ast.Ident:
		for _, path := range fn.dots {
			if sc.rules.funcs[path][fun.Name] {
				return ruleArgs(sc.rules, path, fun.Name), true
			}
			if sc.scanned(path)["f:"+fun.Name] {
				return nil, true
			}
		}
		return indexes(sc.sinkArgs["f:"+fun.Name]), sc.sink["f:"+fun.Name]
	}
	return nil, false
}

// ruleArgs returns the index of the address argument of the listen
// function name of package path, if it has one.
func ruleArgs(rn *ruleNames, path, name string) []int {
	if i, ok := rn.funcAddrs[path][name]; ok {
		return []int{i}
	}
	return []int{} // an implicit port: no address argument
}

// indexes returns the members of a set of indexes.
func indexes(set uint64) []int {
	var out []int
	for i := range 64 {
		if set&(1<<i) != 0 {
			out = append(out, i)
		}
	}
	return out
}

// belowField reports whether writing the field name of a value of type
// typ, in fn, may write a sink field of a package below: a literal of a
// type of another package, if that package's scan named it; one of
// unknown type (an assignment), if the scan of a package the file imports
// named it.
func (sc *scanner) belowField(fn *scanFunc, typ ast.Expr, name string) bool {
	switch t := typ.(type) {
	case *ast.SelectorExpr:
		if x, ok := t.X.(*ast.Ident); ok {
			if path, ok := fn.imported[x.Name]; ok {
				return sc.scanned(path)["v:"+name]
			}
		}
	case *ast.Ident, *ast.ArrayType, *ast.MapType:
		return false
	}
	for _, path := range fn.imported {
		if sc.scanned(path)["v:"+name] {
			return true
		}
	}
	for _, path := range fn.dots {
		if sc.scanned(path)["v:"+name] {
			return true
		}
	}
	return false
}

// ruleField reports whether writing the field name of a value of type
// typ, in fn, may set a server's address field of a rule: a literal of a
// type of another package is one only if the rule names that type.
func (sc *scanner) ruleField(fn *scanFunc, typ ast.Expr, name string) bool {
	if !slices.ContainsFunc(sc.rules.fields[name], sc.sees) {
		return false
	}
	switch t := typ.(type) {
	case *ast.SelectorExpr:
		if x, ok := t.X.(*ast.Ident); ok {
			if path, ok := fn.imported[x.Name]; ok {
				return sc.rules.fieldTypes[path][t.Sel.Name][name]
			}
		}
	case *ast.Ident:
		return sc.self // a type of the package: a rule's only in the rule's package
	case *ast.ArrayType, *ast.MapType:
		return false
	}
	return true
}

// passesSink reports whether call passes a sink of the package as a
// function value (f.ListenWithCallback(network, addr, f.newListener)):
// the callee may relay its other arguments to it (callbacks.go of
// internal/sites).
func (sc *scanner) passesSink(fn *scanFunc, call *ast.CallExpr) bool {
	for _, a := range call.Args {
		switch a := ast.Unparen(a).(type) {
		case *ast.Ident:
			if sc.sink["f:"+a.Name] {
				return true
			}
		case *ast.SelectorExpr:
			if _, imported := fn.imported[identName(a.X)]; !imported && sc.sink["m:"+a.Sel.Name] {
				return true
			}
		}
	}
	return false
}

func identName(e ast.Expr) string {
	if id, ok := e.(*ast.Ident); ok {
		return id.Name
	}
	return ""
}

// locals returns where the local variables of fn may come from, by name.
func (sc *scanner) locals(fn *scanFunc) map[string]*sourceSet {
	if fn.locals != nil {
		return fn.locals
	}
	locals := make(map[string]*sourceSet)
	fn.locals = locals
	assign := func(lhs []ast.Expr, rhs []ast.Expr) bool {
		grown := false
		for i, l := range lhs {
			id, ok := l.(*ast.Ident)
			if !ok || id.Name == "_" {
				continue
			}
			var src sourceSet
			if len(lhs) == len(rhs) {
				src = sc.sources(fn, locals, rhs[i])
			} else {
				for _, r := range rhs {
					src.add(sc.sources(fn, locals, r))
				}
			}
			if src.params == 0 && len(src.fields) == 0 {
				continue
			}
			if locals[id.Name] == nil {
				locals[id.Name] = new(sourceSet)
			}
			if locals[id.Name].add(src) {
				grown = true
			}
		}
		return grown
	}
	for grown, rounds := true, 0; grown && rounds < 4; rounds++ {
		grown = false
		for _, n := range fn.nodes {
			ast.Inspect(n, func(n ast.Node) bool {
				switch n := n.(type) {
				case *ast.AssignStmt:
					grown = assign(n.Lhs, n.Rhs) || grown
				case *ast.ValueSpec:
					lhs := make([]ast.Expr, len(n.Names))
					for i, id := range n.Names {
						lhs[i] = id
					}
					grown = assign(lhs, n.Values) || grown
				case *ast.RangeStmt:
					grown = assign([]ast.Expr{n.Key, n.Value}, []ast.Expr{n.X}) || grown
				}
				return true
			})
		}
	}
	return locals
}

// sources returns where the value of e may come from, in fn.
func (sc *scanner) sources(fn *scanFunc, locals map[string]*sourceSet, e ast.Expr) sourceSet {
	var src sourceSet
	if e == nil {
		return src
	}
	ast.Inspect(e, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.Ident:
			if i, ok := fn.params[n.Name]; ok {
				src.params |= 1 << i
			} else if l := locals[n.Name]; l != nil {
				src.add(*l)
			}
		case *ast.SelectorExpr:
			if sc.fields[n.Sel.Name] {
				src.add(sourceSet{fields: []string{n.Sel.Name}})
			}
		case *ast.CallExpr:
			if len(n.Args) == 0 {
				switch fun := ast.Unparen(n.Fun).(type) {
				case *ast.Ident:
					src.add(sc.getterFields("f:" + fun.Name))
				case *ast.SelectorExpr:
					src.add(sc.getterFields("m:" + fun.Sel.Name))
				}
			}
		case *ast.FuncLit:
			return false
		}
		return true
	})
	return src
}

// getterFields returns the fields that the functions of the package with
// key, called without arguments, may return.
func (sc *scanner) getterFields(key string) sourceSet {
	if sc.getter == nil {
		sc.getter = make(map[string]*sourceSet)
	}
	if g, ok := sc.getter[key]; ok {
		if g == nil {
			return sourceSet{} // being computed: recursion
		}
		return *g
	}
	sc.getter[key] = nil
	g := new(sourceSet)
	for _, fn := range sc.byKey[key] {
		if len(fn.nodes) == 0 {
			continue
		}
		locals := sc.locals(fn)
		ast.Inspect(fn.nodes[0], func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.FuncLit:
				return false
			case *ast.ReturnStmt:
				for _, e := range n.Results {
					src := sc.sources(fn, locals, e) // fields, and other getters'
					g.add(sourceSet{fields: src.fields})
				}
			}
			return true
		})
	}
	sc.getter[key] = g
	return *g
}

// mayHoldAddress reports whether a field or parameter of type t may hold
// an address or a port, as far as the syntax of its file (with the
// imports imported, by name) tells: a string or a number, a type of the
// package declared as one (local), a pointer to one, or a type of a
// package outside the standard library, whose types the rules do not
// take for addresses.
func mayHoldAddress(t ast.Expr, local map[string]ast.Expr, imported map[string]string, depth int) bool {
	switch t := t.(type) {
	case *ast.Ident:
		if def, ok := local[t.Name]; ok {
			return depth < 4 && mayHoldAddress(def, local, imported, depth+1)
		}
		switch t.Name {
		case "string", "int", "int8", "int16", "int32", "int64", "uint", "uint8", "uint16", "uint32", "uint64", "uintptr":
			return true
		}
		return false
	case *ast.StarExpr:
		_, isSel := t.X.(*ast.SelectorExpr)
		return !isSel && mayHoldAddress(t.X, local, imported, depth)
	case *ast.SelectorExpr:
		x, ok := t.X.(*ast.Ident)
		if !ok {
			return true
		}
		path, ok := imported[x.Name]
		first, _, _ := strings.Cut(path, "/")
		return !ok || strings.Contains(first, ".")
	case *ast.ParenExpr:
		return mayHoldAddress(t.X, local, imported, depth)
	}
	return false
}
