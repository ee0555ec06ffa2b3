package listenapi

import (
	"slices"
	"strings"
)

// A NameIndex lists by declaring package the bare names of a rule set's
// listen and implicit-port functions and methods, and server fields.
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

// Index returns rs's NameIndex, made with it.
func (rs *RuleSet) Index() *NameIndex { return &rs.index }

// addFunc indexes the listen or implicit-port function fn, whose address
// is argument addr (-1 for an implicit one: none).
func (rn *NameIndex) addFunc(fn string, addr int) {
	name, pkg := BareName(fn), PkgOfFullName(fn)
	addOnce(&rn.Calls, name, pkg)
	switch {
	case strings.HasPrefix(fn, "("):
		addOnce(&rn.Methods, name, pkg)
		if addr >= 0 {
			addOnce(&rn.AddrArgs, name, addr)
		}
	default:
		put(&rn.Funcs, pkg, name, true)
		if addr >= 0 {
			put(&rn.FuncAddrs, pkg, name, addr)
		}
	}
}

// addField indexes the address field of the server type typ.
func (rn *NameIndex) addField(typ, field string) {
	pkg := PkgOfFullName(typ)
	addOnce(&rn.Fields, field, pkg)
	types := rn.FieldTypes[pkg]
	put(&types, typ[LastDot(typ)+1:], field, true)
	set(&rn.FieldTypes, pkg, types)
}

// set sets (*m)[k] to v, making *m if missing: tables fill with rows.
func set[V any](m *map[string]V, k string, v V) {
	if *m == nil {
		*m = make(map[string]V)
	}
	(*m)[k] = v
}

// put sets (*m)[k][k2] to v, making what is missing.
func put[V any](m *map[string]map[string]V, k, k2 string, v V) {
	inner := (*m)[k]
	set(&inner, k2, v)
	set(m, k, inner)
}

// addOnce appends v to (*m)[k] unless it is there.
func addOnce[V comparable](m *map[string][]V, k string, v V) {
	if !slices.Contains((*m)[k], v) {
		set(m, k, append((*m)[k], v))
	}
}
