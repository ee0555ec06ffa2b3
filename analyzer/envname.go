package analyzer

import (
	"fmt"
	"go/ast"
	"go/constant"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"
)

// A program that reads os.Getenv("port") while trying to comply never sees
// the platform's PORT: environment variable names are case-sensitive. The
// functions that read a variable by name are the rule set's envReaders.

const categoryEnvName = "env-name"

type envRead struct {
	call *ast.CallExpr
	fn   string // "os.Getenv"
	name string
	in   ast.Node // the function declaration holding the call, or nil
}

// envRead records a read of an environment variable with a constant name.
func (c *checker) envRead(cur inspector.Cursor, call *ast.CallExpr) {
	if len(call.Args) != 1 {
		return
	}
	fn, ok := typeutil.Callee(c.pass.TypesInfo, call).(interface{ FullName() string })
	if !ok || !c.rules.envReaders[fn.FullName()] {
		return
	}
	tv := c.pass.TypesInfo.Types[call.Args[0]]
	if tv.Value == nil || tv.Value.Kind() != constant.String {
		return
	}
	r := envRead{call: call, fn: fn.FullName(), name: constant.StringVal(tv.Value)}
	for decl := range cur.Enclosing((*ast.FuncDecl)(nil)) {
		r.in = decl.Node()
	}
	c.envReads = append(c.envReads, r)
}

// reportMisspeltEnv reports reads of the configured variable's name in
// another letter case — unless the same function also reads the exact
// name, in which case the other spelling is a deliberate fallback
// (cmp.Or(os.Getenv("PORT"), os.Getenv("port"))). An exact read elsewhere
// in the file does not excuse a misspelling.
func (rp *reporter) reportMisspeltEnv() {
	want := rp.cfg.Env
	exact := make(map[ast.Node]bool)
	for _, r := range rp.envReads {
		if r.name == want {
			exact[r.in] = true
		}
	}
	for _, r := range rp.envReads {
		if r.name == want || exact[r.in] || !strings.EqualFold(r.name, want) {
			continue
		}
		arg := r.call.Args[0]
		d := analysis.Diagnostic{
			Pos:      arg.Pos(),
			End:      arg.End(),
			Category: categoryEnvName,
			URL:      docsURL + "#misspelt-port-variable",
			Message: fmt.Sprintf("%s reads $%s, not $%s: environment variable names are case-sensitive, so the platform's %s never arrives",
				r.fn, r.name, want, want),
			SuggestedFixes: []analysis.SuggestedFix{{
				Message:   fmt.Sprintf("read $%s", want),
				TextEdits: []analysis.TextEdit{{Pos: arg.Pos(), End: arg.End(), NewText: []byte(strconv.Quote(want))}},
			}},
		}
		if !rp.suppressed(d) {
			rp.pass.Report(d)
		}
	}
}
