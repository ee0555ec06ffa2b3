package sites

import (
	"go/ast"
	"go/constant"
	"go/types"

	"github.com/portlint/portlint/internal/listenapi"
	"github.com/portlint/portlint/internal/resolve"
	"golang.org/x/tools/go/ast/inspector"
)

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
