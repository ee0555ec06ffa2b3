package listenapi

import (
	"slices"
	"strings"
	"sync"
)

// A NameIndex lists a rule set's bare names by the packages that declare
// them: the listen and implicit-port functions and methods, and the
// address fields of servers.
type NameIndex struct {
	Calls, Fields map[string][]string
	// Methods are the calls of methods; Funcs the package-level
	// functions, by package.
	Methods map[string][]string
	Funcs   map[string]map[string]bool
	// AddrArgs are the indexes of the address arguments of the calls
	// of each method's name, FuncAddrs of each function's, by package;
	// FieldTypes the server types with address fields, by package and
	// type name.
	AddrArgs   map[string][]int
	FuncAddrs  map[string]map[string]int
	FieldTypes map[string]map[string]map[string]bool
}

var indexes sync.Map // *RuleSet -> *NameIndex

// Index returns rs's NameIndex, made on first use.
func (rs *RuleSet) Index() *NameIndex {
	if rn, ok := indexes.Load(rs); ok {
		return rn.(*NameIndex)
	}
	rn := &NameIndex{Calls: make(map[string][]string), Fields: make(map[string][]string),
		Methods: make(map[string][]string), Funcs: make(map[string]map[string]bool),
		AddrArgs: make(map[string][]int), FuncAddrs: make(map[string]map[string]int),
		FieldTypes: make(map[string]map[string]map[string]bool)}
	add := func(m map[string][]string, name, pkg string) {
		if !slices.Contains(m[name], pkg) {
			m[name] = append(m[name], pkg)
		}
	}
	addCall := func(fn string) {
		name, pkg := BareName(fn), PkgOfFullName(fn)
		add(rn.Calls, name, pkg)
		if strings.HasPrefix(fn, "(") {
			add(rn.Methods, name, pkg)
		} else {
			put(rn.Funcs, pkg, name, true)
		}
	}
	for fn, r := range rs.Calls {
		addCall(fn)
		name, pkg := BareName(fn), PkgOfFullName(fn)
		if !strings.HasPrefix(fn, "(") {
			put(rn.FuncAddrs, pkg, name, r.Addr)
		} else if !slices.Contains(rn.AddrArgs[name], r.Addr) {
			rn.AddrArgs[name] = append(rn.AddrArgs[name], r.Addr)
		}
	}
	for fn := range rs.Implicit {
		addCall(fn)
	}
	for typ, fields := range rs.Fields {
		pkg := PkgOfFullName(typ)
		name := typ[LastDot(typ)+1:]
		for field := range fields {
			add(rn.Fields, field, pkg)
			if rn.FieldTypes[pkg] == nil {
				rn.FieldTypes[pkg] = make(map[string]map[string]bool)
			}
			put(rn.FieldTypes[pkg], name, field, true)
		}
	}
	rn2, _ := indexes.LoadOrStore(rs, rn)
	return rn2.(*NameIndex)
}

// put sets m[k][k2] to v, making m[k] if it is missing.
func put[V any](m map[string]map[string]V, k, k2 string, v V) {
	if m[k] == nil {
		m[k] = make(map[string]V)
	}
	m[k][k2] = v
}
