package depscan

import (
	"go/ast"
	"slices"
	"strings"
)

// Where a value may come from, for a dependency's scan (depscan.go): the
// parameters and fields that flow, through local variables and getters,
// into a listen site.

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
