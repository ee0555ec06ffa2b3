package report

import (
	"fmt"
	"go/ast"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// A program that reads os.Getenv("port") while trying to comply never sees
// the platform's PORT: environment variable names are case-sensitive. The
// functions that read a variable by name are the rule set's envReaders.

const categoryEnvName = "env-name"

// reportMisspeltEnv reports reads of the configured variable's name in
// another letter case — unless the same function also reads the exact
// name, in which case the other spelling is a deliberate fallback
// (cmp.Or(os.Getenv("PORT"), os.Getenv("port"))). An exact read elsewhere
// in the file does not excuse a misspelling.
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
