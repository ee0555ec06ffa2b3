package resolve

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strconv"
	"strings"

	"github.com/portlint/portlint/internal/addrval"
	"golang.org/x/tools/go/analysis"
)

// ReturnsFact lists the constant values an exported function's first
// result takes: its importers' calls resolve to them.
type ReturnsFact struct{ Values []string }

func (*ReturnsFact) AFact() {}

func (f *ReturnsFact) String() string { return "returns " + quoted(f.Values) }

// quoted lists a fact's values: "a" or "b".
func quoted(values []string) string {
	q := make([]string, len(values))
	for i, v := range values {
		q[i] = strconv.Quote(fillFields(strings.ReplaceAll(v, factHole, "…"), func(f string) string { return "{" + f + "}" }))
	}
	return strings.Join(q, " or ")
}

// factHole stands in a fact's value for what its package could not know
// (a flag's port beside a host of its own): "127.0.0.1:\x00".
const factHole = "\x00"

// factField encloses, in a ReturnsFact's value, the name of a field of
// the method's receiver read there: "\x01Host\x01:\x01Port\x01".
const factField = "\x01"

// factText is alt as a fact's value: its text, with the receiver's fields
// named; false if another part is unknown.
func factText(alt addrval.Str) (string, bool) {
	var b strings.Builder
	for _, g := range alt {
		f, isField := g.Hole.(*types.Var)
		switch {
		case g.Known:
			b.WriteString(g.Text)
		case isField && f.IsField() && addressField(f): // one a FieldFact may hold
			b.WriteString(factField + f.Name() + factField)
		default:
			return "", false
		}
	}
	return b.String(), true
}

// fillFields replaces each field named in a fact's value v by fill's.
func fillFields(v string, fill func(field string) string) string {
	parts := strings.Split(v, factField)
	for j := 1; j < len(parts); j += 2 {
		parts[j] = fill(parts[j])
	}
	return strings.Join(parts, "")
}

// knownAll is the values of a fact, said to be written at pos.
// FactTexts returns strs as a fact holds them, knownAll's inverse.
func FactTexts(strs []addrval.Str) []string {
	out := make([]string, 0, len(strs))
	for _, alt := range strs {
		var b strings.Builder
		for _, g := range alt {
			if !g.Known {
				g.Text = factHole
			}
			b.WriteString(g.Text)
		}
		out = append(out, b.String())
	}
	return out
}

// TextStrs returns the values a fact holds as texts (knownAll).
func TextStrs(values []string, pos token.Pos) []addrval.Str { return knownAll(values, pos) }

func knownAll(values []string, pos token.Pos) []addrval.Str {
	var strs []addrval.Str
	for _, v := range values {
		parts := strings.Split(v, factHole)
		alt := addrval.Known(parts[0], pos)
		for _, part := range parts[1:] {
			alt = addrval.Concat(addrval.Concat(alt, addrval.Unknown()), addrval.Known(part, pos))
		}
		strs = addrval.Union(strs, alt)
	}
	return strs
}

// returned is the values of fn's ReturnsFact, each field of its
// receiver read there by its own FieldFact, as a read of it would be.
func (r *Resolver) returned(values []string, fn *types.Func) []addrval.Str {
	var strs []addrval.Str
	for _, v := range values {
		parts := strings.Split(v, factField)
		alt := knownAll(parts[:1], fn.Pos())
		for j, part := range parts[1:] {
			if j%2 == 1 {
				alt = addrval.Concat(alt, knownAll([]string{part}, fn.Pos()))
				continue
			}
			field := addrval.Unknown()
			if recv := fn.Signature().Recv(); recv != nil {
				f, _, _ := types.LookupFieldOrMethod(recv.Type(), true, fn.Pkg(), part)
				if f, ok := f.(*types.Var); ok && r.factField(recv.Type(), f) != nil {
					field = r.factField(recv.Type(), f)
				}
			}
			alt = addrval.Concat(alt, field)
		}
		strs = addrval.Union(strs, alt)
	}
	return strs
}

// ExportReturnFacts exports a ReturnsFact for every exported function
// whose every return's first result is built of constants alone
// (shallowStr) and can be an address, stopping at the first that is not.
func ExportReturnFacts(pass *analysis.Pass) {
	for fn, fd := range declaredFuncs(pass.Files, pass.TypesInfo) {
		if fd.Body == nil || !fd.Name.IsExported() || fn.Signature().TypeParams().Len() > 0 || fn.Signature().Results().Len() == 0 {
			continue
		}
		if !IsBasic(fn.Signature().Results().At(0).Type(), types.IsString|types.IsInteger) {
			continue
		}
		// A method whose body is one return reads its receiver's fields
		// as they are: they are holes its importers fill.
		var recv *types.Var
		if len(fd.Body.List) == 1 && fd.Recv != nil && pass.Pkg.Name() != "main" {
			_, ret := fd.Body.List[0].(*ast.ReturnStmt)
			if ret {
				recv = fn.Signature().Recv()
			}
		}
		var values []string
		ok := allReturns(fd.Body, func(ret *ast.ReturnStmt) bool {
			if len(ret.Results) != fn.Signature().Results().Len() {
				return false
			}
			t, ok := constText(pass.TypesInfo, ret.Results[0])
			if strs := shallowStr(pass.TypesInfo, ret.Results[0], recv).Strs; !ok && len(strs) == 1 {
				t, ok = factText(strs[0]) // fmt.Sprintf(":%d", defaultPort), c.Host+":"+c.Port
			}
			if !ok {
				return false
			}
			if !slices.Contains(values, t) {
				values = append(values, t)
			}
			return true
		})
		// A port stands for each field: "{Host}:{Port}" can be an address.
		asPorts := make([]string, len(values))
		for i, v := range values {
			asPorts[i] = fillFields(v, func(string) string { return "1" })
		}
		if ok && len(values) > 0 && len(values) <= addrval.MaxAlts && addrval.IsAddressValue(asPorts) {
			pass.ExportObjectFact(fn, &ReturnsFact{Values: values})
		}
	}
}
