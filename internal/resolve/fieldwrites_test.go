package resolve

import (
	"fmt"
	"go/types"
	"slices"
	"strings"
	"testing"
)

// writesOf walks src, a package declaring type T with the address field
// Addr and the port field Port, and returns what it writes to T.field.
func writesOf(t *testing.T, src, field string) (values []string, opened bool) {
	t.Helper()
	r, _ := load(t, "package p\n\nimport (\n\t\"fmt\"\n\t\"net\"\n\t\"strconv\"\n)\n\nvar _, _, _ = fmt.Sprint, net.JoinHostPort, strconv.Itoa\n\ntype T struct {\n\tAddr string\n\tPort int\n}\n\n"+src)
	own := addressFieldTypes(r.info, r.files, nil)
	var k fieldRef
	typ, name := "T", field // or C.A.Addr: the path A.Addr of type C
	if i := strings.IndexByte(field, '.'); i >= 0 {
		typ, name = field[:i], field[i+1:]
	}
	for n := range own {
		if n.Obj().Name() == typ {
			k = fieldRef{n, name}
		}
	}
	// The walk over an inspector and the one over the syntax agree.
	for i, syn := range []Syntax{nil, r.syn} {
		w := newWrites(r.info, func(*types.Var) bool { return false })
		w.keep = func(n *types.Named) bool { return own[n] }
		w.walk(r.files, syn)
		got := slices.Clone(w.values[k])
		slices.Sort(got)
		if i > 0 && (!slices.Equal(got, values) || w.opened[k] != opened) {
			t.Fatalf("with an inspector, %s holds %q, opened %v; without, %q, %v", field, got, w.opened[k], values, opened)
		}
		values, opened = got, w.opened[k]
	}
	return values, opened
}

// TestFieldWrites has a row per rule of the field model: which writes a
// field's union holds, and which open it (its values are then unknown).
func TestFieldWrites(t *testing.T) {
	for _, tc := range []struct {
		name, src, field string
		want             []string // nil: no value
		opened           bool
	}{
		{"a keyed literal", `var _ = T{Addr: ":8080"}`, "Addr", []string{":8080"}, false},
		{"a positional literal", `var _ = T{":8080", 1}`, "Addr", []string{":8080"}, false},
		{"a literal behind &, nested in another", `var _ = []*T{&T{Addr: ":8080"}}`, "Addr", []string{":8080"}, false},
		{"a literal leaving it unset: its zero value", `var _ = T{Port: 1}; var _ = T{Addr: ":8080"}`, "Addr", []string{"", ":8080"}, false},
		{"an integer left unset", `var _ = T{Addr: ":1"}`, "Port", []string{"0"}, false},
		{"an assignment through any expression", `func f(ts []*T) { ts[0].Addr = "localhost:1" }`, "Addr", []string{"localhost:1"}, false},
		{"a struct declared, then set right after", `func f() T { var t T; t.Port = 2; t.Addr = ":1"; return t }`, "Addr", []string{":1"}, false},
		{"a struct declared, then set in both branches", `func f(x bool) T { var t T; if x { t.Addr = ":1" } else { t.Addr = ":2" }; return t }`, "Addr", []string{":1", ":2"}, false},
		{"one of two structs declared together set: the other's zero value", `func f() (T, T) { var a, b T; a.Addr = ":1"; return a, b }`, "Addr", []string{"", ":1"}, false},
		{"a literal's variable set right after: the literal's zero value is never read", `func f() *T { c := &T{}; c.Port = 2; c.Addr = ":1"; return c }`, "Addr", []string{":1"}, false},
		{"a literal's variable set in one branch only", `func f(x bool) T { c := T{}; if x { c.Addr = ":1" }; return c }`, "Addr", []string{"", ":1"}, false},
		{"a struct declared in a case clause", `func f(x int) T { switch x { case 1: var t T; return t }; return T{Addr: ":1"} }`, "Addr", []string{"", ":1"}, false},
		{"a struct declared and returned unset", `func f() T { var t T; return t }`, "Addr", []string{""}, false},
		{"a package variable left at its zero value", `var zero T`, "Addr", []string{""}, false},
		{"new", `func f() *T { return new(T) }`, "Addr", []string{""}, false},
		{"a default on empty adds nothing", `func f(t T) T { if t.Addr == "" { t.Addr = ":9" }; return t }`, "Addr", nil, false},
		{"a default on len 0", `func f(t T) T { if len(t.Addr) == 0 { t.Addr = ":9" }; return t }`, "Addr", nil, false},
		{"a write guarded by another field is a value", `func f(t T) T { if t.Port == 0 { t.Addr = ":9" }; return t }`, "Addr", []string{":9"}, false},
		{"its address taken opens it", `func f(t *T) *string { return &t.Addr }`, "Addr", nil, true},
		{"a value not constant opens it", `func f(t *T, s string) { t.Addr = s }`, "Addr", nil, true},
		{"an address built of constants", `func f(t *T) { t.Addr = fmt.Sprintf(":%d", 8080) }`, "Addr", []string{":8080"}, false},
		{"a host of its own, a port it cannot know: a hole", `func f(t *T, p int) { t.Addr = fmt.Sprintf("127.0.0.1:%d", p) }`, "Addr", []string{"127.0.0.1:\x00"}, false},
		{"the same joined", `func f(t *T, p string) { t.Addr = net.JoinHostPort("localhost", p) }`, "Addr", []string{"localhost:\x00"}, false},
		{"a port printed as the resolver prints it", `func f(t *T) { t.Addr = ":" + strconv.Itoa(8080) }`, "Addr", []string{":8080"}, false},
		{"a host it cannot know opens it", `func f(t *T, h string) { t.Addr = h + ":8080" }`, "Addr", nil, true},
		{"no host (all interfaces) and a port it cannot know opens it", `func f(t *T, p string) { t.Addr = ":" + p }`, "Addr", nil, true},
		{"op-assign opens it", `func f(t *T) { t.Addr += ":1" }`, "Addr", nil, true},
		{"++ opens it", `func f(t *T) { t.Port++ }`, "Port", nil, true},
		{"a range assigning it opens it", `func f(t *T, s []string) { for _, t.Addr = range s {} }`, "Addr", nil, true},
		{"a value handed to another package's function opens every field", `func f(t *T) { fmt.Sscan("x", t) }`, "Addr", nil, true},
		{"a struct holding it handed to a decoder opens it", `type File struct{ Servers []T }; func f(file *File) { fmt.Sscan("x", file) }`, "Addr", nil, true},
		{"a struct holding it behind pointers, nested deep, handed to a decoder opens it", `type H struct{ T *T }; type S struct{ H *H }; type C struct{ S *S }; func f(c *C) { fmt.Sscan("x", c) }`, "Addr", nil, true},
		{"a value handed to an interface's method opens it, its body not in sight", `type Filler interface{ Fill(*T) }; func f(x Filler) { t := &T{Addr: ":1"}; x.Fill(t) }`, "Addr", nil, true},
		{"a value handed to its own package's function does not", `func g(*T) {}; func f() { t := &T{Addr: ":1"}; g(t) }`, "Addr", []string{":1"}, false},
		{"a struct held by value: its fields by path", `type C struct{ A, B T }; var _ = C{A: T{Addr: ":1"}, B: T{Addr: ":2"}}`, "C.A.Addr", []string{":1"}, false},
		{"the other path holds its own", `type C struct{ A, B T }; var _ = C{A: T{Addr: ":1"}, B: T{Addr: ":2"}}`, "C.B.Addr", []string{":2"}, false},
		{"a path left unset: its zero value", `type C struct{ A, B T }; var _ = C{A: T{Addr: ":1"}}`, "C.B.Addr", []string{""}, false},
		{"an assignment through the path", `type C struct{ A, B T }; func f(c *C) { c.A.Addr = ":3" }`, "C.A.Addr", []string{":3"}, false},
		{"the struct written whole, not a literal, opens its paths", `type C struct{ A, B T }; func f(c *C, t T) { c.A = t }`, "C.A", nil, true},
		{"the struct's address taken opens its paths", `type C struct{ A, B T }; func f(c *C) *T { return &c.A }`, "C.A", nil, true},
		{"an alias of a struct holding it records no path", `type A = struct{ X T }; var _ = A{X: T{Addr: ":1"}}`, "Addr", []string{":1"}, false},
		{"the path's address taken opens it", `type C struct{ A, B T }; func f(c *C) *string { return &c.A.Addr }`, "C.A.Addr", nil, true},
	} {
		got, opened := writesOf(t, tc.src, tc.field)
		if opened != tc.opened || !opened && !slices.Equal(got, tc.want) {
			t.Errorf("%s: %s holds %q, opened %v; want %q, opened %v", tc.name, tc.field, got, opened, tc.want, tc.opened)
		}
	}
}

// FuzzFieldWrites checks the model's invariant: a field that generated
// code does not open holds, in its union, every constant written to it.
func FuzzFieldWrites(f *testing.F) {
	f.Add([]byte{0, 1, 2, 3, 4, 5})
	f.Add([]byte{6, 0, 7})
	forms := []string{
		`var _, _ = T{Addr: %[1]q}, %[2]d`,
		`var _ = &T{%[1]q, %[2]d}`,
		`func f%[2]d(t *T) { t.Addr = %[1]q }`,
		`func f%[2]d() T { var t T; t.Addr = %[1]q; return t }`,
		`func f%[2]d() []T { return []T{{Addr: %[1]q}} }`,
		`var v%[2]d = struct{ t T }{T{Addr: %[1]q}}`,
		`func f%[2]d(t *T) *string { _ = %[1]q; return &t.Addr }`, // opens it
		`func f%[2]d(t T) T { if t.Addr == "" { t.Addr = %[1]q }; return t }`,
	}
	consts := []string{":8080", "localhost:1", "", "[::1]:2"}
	f.Fuzz(func(t *testing.T, prog []byte) {
		if len(prog) > 12 {
			return
		}
		var src []string
		var written []string
		opens := false
		for i, b := range prog {
			form, c := int(b)%len(forms), consts[int(b)/len(forms)%len(consts)]
			src = append(src, fmt.Sprintf(forms[form], c, i))
			switch form {
			case 6:
				opens = true
			case 7: // a default, not a value
			default:
				written = append(written, c)
			}
		}
		got, opened := writesOf(t, strings.Join(src, "\n"), "Addr")
		if opened != opens {
			t.Fatalf("opened = %v, want %v in\n%s", opened, opens, strings.Join(src, "\n"))
		}
		for _, c := range written {
			if !opened && !slices.Contains(got, c) {
				t.Fatalf("Addr holds %q, missing %q written in\n%s", got, c, strings.Join(src, "\n"))
			}
		}
	})
}
