package sites

import (
	"cmp"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"slices"
	"strconv"
	"strings"

	"github.com/portlint/portlint/internal/addrval"
	"github.com/portlint/portlint/internal/listenapi"
	"github.com/portlint/portlint/internal/resolve"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"
)

// names lists the names a site's code gives its server, most telling
// first: portplan tells auxiliary servers (metrics, admin…) and names a
// secondary's variable by them (metricsAddr → METRICS_PORT).
func (sv *serving) names(s *Site) []string {
	var names []string
	s.Val.Each(func(v *resolve.Val) {
		switch e := ast.Unparen(v.Expr).(type) {
		case *ast.Ident:
			names = append(names, e.Name)
		case *ast.SelectorExpr:
			names = append(names, e.Sel.Name)
		case *ast.CallExpr: // a helper: metricsAddr(), config.Metrics()
			if fn := resolve.CalleeFunc(sv.info, e); fn != nil && fn.Pkg() != nil && (fn.Pkg() == sv.pkg || strings.Contains(fn.Pkg().Path(), ".")) {
				names = append(names, fn.Name())
			}
		}
	})
	if s.fieldWrite { // the field written: MetricsPort, of "cfg.MetricsPort (unset)" too
		api, _, _ := strings.Cut(s.API, " ")
		names = append(names, api[strings.LastIndexByte(api, '.')+1:])
	}
	// Names that say they hold an address come first.
	slices.SortStableFunc(names, func(a, b string) int { return cmp.Compare(addressLike(b), addressLike(a)) })
	if s.server != nil {
		names = append(names, s.server.Name())
	} else if key := sv.keptIn(s.Expr); key != "" {
		names = append(names, key)
	}
	if s.creates && s.call != nil {
		if v := sv.resultVar(s.call); v != nil {
			names = append(names, v.Name())
		}
	}
	if s.Via != nil {
		if v := sv.holderVar(s.Expr); v != nil {
			names = append(names, v.Name())
		}
	}
	if fn := s.fn; fn != nil && fn.Name.Name != "main" {
		names = append(names, fn.Name.Name)
	}
	return names
}

// keptIn returns the field of an outer literal that keeps the server
// literal an address is written in: admin in App{admin: &http.Server{
// Addr: …}}.
func (sv *serving) keptIn(e ast.Expr) string {
	cur := sv.cursor(e)
	if cur.ParentEdgeKind() != edge.KeyValueExpr_Value {
		return ""
	}
	if key := keptKey(cur.Parent().Parent()); key != nil {
		return key.Name
	}
	return ""
}

// holderVar returns the variable that holds what a value passed to a
// sink builds: admin in admin := server.New(server.Config{Addr: ":9090"}).
func (sv *serving) holderVar(e ast.Expr) *types.Var {
	cur := sv.cursor(e)
	for range 6 {
		if !cur.Valid() {
			return nil
		}
		switch cur.ParentEdgeKind() {
		case edge.KeyValueExpr_Value, edge.CompositeLit_Elts, edge.UnaryExpr_X, edge.CallExpr_Args, edge.CallExpr_Fun, edge.SelectorExpr_X, edge.ParenExpr_X:
			cur = cur.Parent()
			continue
		}
		v := assignedVar(sv.info, cur, false)
		if v != nil && outcome(v.Type()) {
			return nil // err := engine.Start(NewRemote(":4000")) names no server
		}
		return v
	}
	return nil
}

// addressLike is 1 for a name that says it holds an address, else 0.
func addressLike(name string) int {
	n := strings.ToLower(name)
	if strings.Contains(n, "addr") || strings.Contains(n, "port") || strings.Contains(n, "listen") {
		return 1
	}
	return 0
}

// outcome reports whether t holds how something went, not a server: an
// error, a channel of errors, a bool.
func outcome(t types.Type) bool {
	errorType := types.Universe.Lookup("error").Type().Underlying().(*types.Interface)
	if ch, ok := t.Underlying().(*types.Chan); ok {
		t = ch.Elem()
	}
	if b, ok := t.Underlying().(*types.Basic); ok {
		return b.Kind() == types.Bool || b.Kind() == types.UntypedBool
	}
	return types.Implements(t, errorType) || types.Implements(types.NewPointer(t), errorType)
}

// apiName spells a function as users write it: "http.ListenAndServe",
// "gin.Engine.Run".
func apiName(fn *types.Func) string {
	name := fn.Name()
	if recv := fn.Signature().Recv(); recv != nil {
		if tn := namedOf(recv.Type()); tn != nil {
			name = tn.Name() + "." + name
		}
	}
	if fn.Pkg() != nil {
		name = fn.Pkg().Name() + "." + name
	}
	return name
}

// ShortType turns "net/http.Server" into "http.Server", skipping a
// major-version suffix such as /v5.
func ShortType(typ string) string {
	dot := listenapi.LastDot(typ)
	path, name := typ[:dot], typ[dot:]
	elems := strings.Split(path, "/")
	last := elems[len(elems)-1]
	if len(elems) > 1 && len(last) > 1 && last[0] == 'v' && strings.Trim(last[1:], "0123456789") == "" {
		last = elems[len(elems)-2]
	}
	return last + name
}

// Position is a short "main.go:12" for messages.
func Position(fset *token.FileSet, pos token.Pos) string {
	p := fset.Position(pos)
	name := p.Filename
	if i := strings.LastIndexAny(name, `/\`); i >= 0 {
		name = name[i+1:]
	}
	return name + ":" + strconv.Itoa(p.Line)
}

// portKeys says which ports a site can take, as the plan compares them:
// constant ports, and the variables and defaults its port is read from.
func (sv *serving) portKeys(s *Site) []string {
	if s.FromFact || s.Val == nil && s.keys != nil {
		return s.keys // as the fact, or the rule, says
	}
	var keys []string
	for _, a := range s.Alts {
		if a.HasPort && a.Port.Known && !addrval.PortIsEphemeral(a.Port.Text) && addrval.ValidPort(a.Port.Text) {
			keys = appendNew(keys, "port "+a.Port.Text)
		}
	}
	if s.ParamRole == resolve.RoleHost {
		return keys // its value is the host: the port is read elsewhere
	}
	for _, leaf := range portLeaves(s.Val, nil) {
		call, ok := ast.Unparen(leaf.Expr).(*ast.CallExpr)
		if !ok {
			continue
		}
		args := []ast.Expr{call}
		if fn := resolve.CalleeFunc(sv.info, call); fn != nil && fn.Origin().FullName() == "cmp.Or" {
			args = call.Args // cmp.Or(os.Getenv("PORT"), "8080")
		}
		for _, a := range args {
			if _, name, ok := EnvReadOf(sv.info, sv.rules, a); ok {
				keys = appendNew(keys, "$"+name)
			} else if tv := sv.info.Types[a]; tv.Value != nil {
				if t, ok := resolve.ConstText(tv.Value); ok && addrval.ValidPort(strings.TrimPrefix(t, ":")) {
					keys = appendNew(keys, "port "+strings.TrimPrefix(t, ":"))
				}
			}
		}
	}
	return keys
}

// portLeaves lists the vals holding a site's port (a concatenation's or
// Sprintf's last operand, JoinHostPort's port), through variables,
// fields and helpers.
func portLeaves(v *resolve.Val, out []*resolve.Val) []*resolve.Val {
	if v == nil {
		return out
	}
	switch v.Form {
	case resolve.FormConcat:
		ops := v.Operands()
		return portLeaves(ops[len(ops)-1], out)
	case resolve.FormJoin, resolve.FormIPAddr:
		return portLeaves(v.Parts[1], out)
	case resolve.FormSprintf:
		return portLeaves(v.Parts[len(v.Parts)-1], out)
	case resolve.FormVar, resolve.FormField, resolve.FormCall, resolve.FormResolve:
		for _, p := range v.Parts {
			out = portLeaves(p, out)
		}
		if v.Form != resolve.FormCall || len(v.Parts) > 0 {
			return out
		}
	}
	return append(out, v)
}

type envRead struct {
	Call *ast.CallExpr
	Fn   string // "os.Getenv"
	Name string
	In   ast.Node // the function declaration holding the call, or nil
}

// envRead records a read of an environment variable with a constant name.
func (c *checker) envRead(cur inspector.Cursor, call *ast.CallExpr) {
	fn, name, ok := EnvReadOf(c.pass.TypesInfo, c.rules, call)
	if !ok {
		return
	}
	r := envRead{Call: call, Fn: fn, Name: name}
	for decl := range cur.Enclosing((*ast.FuncDecl)(nil)) {
		r.In = decl.Node()
	}
	c.EnvReads = append(c.EnvReads, r)
}

// EnvReadOf returns the reader and the variable a call such as
// os.Getenv("PORT") reads.
func EnvReadOf(info *types.Info, rules *listenapi.RuleSet, e ast.Expr) (fn, name string, ok bool) {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok || len(call.Args) != 1 {
		return "", "", false
	}
	f := resolve.CalleeFunc(info, call)
	tv := info.Types[call.Args[0]]
	if f == nil || !rules.EnvReaders[f.FullName()] || tv.Value == nil || tv.Value.Kind() != constant.String {
		return "", "", false
	}
	return f.FullName(), constant.StringVal(tv.Value), true
}
