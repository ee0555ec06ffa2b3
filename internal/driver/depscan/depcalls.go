package depscan

import (
	"go/ast"
	"slices"

	"github.com/portlint/portlint/internal/listenapi"
)

// What a dependency's scan (depscan.go) takes for a listen site: calls
// of listen APIs and sinks, and writes of address fields.

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
				if sc.rules.Funcs[path][name] {
					return ruleArgs(sc.rules, path, name), true
				}
				return nil, sc.scanned(path)["f:"+name]
			}
		}
		if slices.ContainsFunc(sc.rules.Methods[name], sc.sees) {
			return append([]int{}, sc.rules.AddrArgs[name]...), true
		}
		if sc.belowMethods[name] {
			return nil, true
		}
		return indexes(sc.sinkArgs["m:"+name]), sc.sink["m:"+name]
	case *ast.Ident:
		for _, path := range fn.dots {
			if sc.rules.Funcs[path][fun.Name] {
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
func ruleArgs(rn *listenapi.NameIndex, path, name string) []int {
	if i, ok := rn.FuncAddrs[path][name]; ok {
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
	if !slices.ContainsFunc(sc.rules.Fields[name], sc.sees) {
		return false
	}
	switch t := typ.(type) {
	case *ast.SelectorExpr:
		if x, ok := t.X.(*ast.Ident); ok {
			if path, ok := fn.imported[x.Name]; ok {
				return sc.rules.FieldTypes[path][t.Sel.Name][name]
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
// the callee may relay its other arguments to it (relays, in sinkuse.go
// of internal/sites).
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
