package sites

import (
	"go/ast"
	"go/constant"

	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"
)

type envRead struct {
	Call *ast.CallExpr
	Fn   string // "os.Getenv"
	Name string
	In   ast.Node // the function declaration holding the call, or nil
}

// envRead records a read of an environment variable with a constant name.
func (c *checker) envRead(cur inspector.Cursor, call *ast.CallExpr) {
	if len(call.Args) != 1 {
		return
	}
	fn, ok := typeutil.Callee(c.pass.TypesInfo, call).(interface{ FullName() string })
	if !ok || !c.rules.EnvReaders[fn.FullName()] {
		return
	}
	tv := c.pass.TypesInfo.Types[call.Args[0]]
	if tv.Value == nil || tv.Value.Kind() != constant.String {
		return
	}
	r := envRead{Call: call, Fn: fn.FullName(), Name: constant.StringVal(tv.Value)}
	for decl := range cur.Enclosing((*ast.FuncDecl)(nil)) {
		r.In = decl.Node()
	}
	c.EnvReads = append(c.EnvReads, r)
}
