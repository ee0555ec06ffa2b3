package report

import (
	"fmt"
	"go/ast"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
)

const categoryEnvName = "env-name"

// reportMisspeltEnv reports reads of the configured variable's name in
// another letter case (os.Getenv("port") never sees the platform's PORT),
// unless the same function also reads the exact name: the other spelling
// is then a fallback (cmp.Or(os.Getenv("PORT"), os.Getenv("port"))).
func (rp *Reporter) reportMisspeltEnv() {
	want := rp.Env
	exact := make(map[ast.Node]bool)
	for _, r := range rp.EnvReads {
		if r.Name == want {
			exact[r.In] = true
		}
	}
	for _, r := range rp.EnvReads {
		if r.Name == want || exact[r.In] || !strings.EqualFold(r.Name, want) {
			continue
		}
		arg := r.Call.Args[0]
		d := finding(arg, categoryEnvName, fmt.Sprintf("%s reads $%s, not $%s: environment variable names are case-sensitive, so the platform's %s never arrives",
			r.Fn, r.Name, want, want))
		d.SuggestedFixes = []analysis.SuggestedFix{{
			Message:   fmt.Sprintf("read $%s", want),
			TextEdits: []analysis.TextEdit{{Pos: arg.Pos(), End: arg.End(), NewText: []byte(strconv.Quote(want))}},
		}}
		if !rp.suppressed(d) {
			rp.Pass.Report(d)
		}
	}
}
