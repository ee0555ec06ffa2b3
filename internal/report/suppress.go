package report

import (
	"go/ast"
	"go/token"
	"maps"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// ignorePrefix starts a suppression directive. Like //go: directives it
// has no space after the slashes; the rest of the comment is the reason,
// which is required, so every exemption says why.
const ignorePrefix = "//portlint:ignore"

const categoryDirective = "directive"

// directive is one //portlint:ignore comment. It covers findings on its
// own line and on the line below it.
type directive struct {
	c      *ast.Comment
	reason string
	used   bool
}

// Directives collects a file's //portlint:ignore comments by line.
func Directives(fset *token.FileSet, file *ast.File) map[int]*directive {
	var out map[int]*directive
	for _, group := range file.Comments {
		for _, c := range group.List {
			rest, ok := strings.CutPrefix(c.Text, ignorePrefix)
			if !ok || rest != "" && rest[0] != ' ' && rest[0] != '\t' {
				continue
			}
			if out == nil {
				out = make(map[int]*directive)
			}
			out[fset.Position(c.Pos()).Line] = &directive{c: c, reason: strings.TrimSpace(rest)}
		}
	}
	return out
}

// suppressed reports whether a directive on d's line or the line above
// covers d, marking it used.
func (rp *Reporter) suppressed(d analysis.Diagnostic) bool {
	line := rp.Pass.Fset.Position(d.Pos).Line
	for _, l := range []int{line, line - 1} {
		if dir, ok := rp.dirs[l]; ok && dir.reason != "" {
			dir.used = true
			return true
		}
	}
	return false
}

// ReportDirectives reports directives without a reason and directives
// that suppressed nothing, so stale exemptions do not pile up.
func ReportDirectives(pass *analysis.Pass, dirs map[int]*directive) {
	if len(dirs) == 0 {
		return // most files: spare the sorting
	}
	// In the order of the lines, so that the output is the same each run.
	for _, line := range slices.Sorted(maps.Keys(dirs)) {
		dir := dirs[line]
		switch {
		case dir.reason == "":
			pass.Report(finding(dir.c, categoryDirective, "portlint:ignore needs a reason: //portlint:ignore <why this listener is intentional>"))
		case !dir.used:
			d := finding(dir.c, categoryDirective, "portlint:ignore suppresses nothing here: remove it")
			d.SuggestedFixes = []analysis.SuggestedFix{{Message: "remove the directive", TextEdits: []analysis.TextEdit{{Pos: dir.c.Pos(), End: dir.c.End()}}}}
			pass.Report(d)
		}
	}
}
