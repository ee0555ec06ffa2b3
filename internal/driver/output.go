package driver

import (
	"cmp"
	"fmt"
	"go/token"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
)

// A relativizer names files as go vet, staticcheck and golangci-lint do:
// relative to the working directory when they are under it, absolute
// otherwise.
type relativizer struct {
	dir string // the working directory, or "" to keep names as they are
}

func (r relativizer) name(file string) string {
	if r.dir == "" || !filepath.IsAbs(file) {
		return file
	}
	rel, err := filepath.Rel(r.dir, file)
	if err != nil || !filepath.IsLocal(rel) {
		return file
	}
	return rel
}

// position formats posn as token.Position does, with its file renamed.
func (r relativizer) position(posn token.Position) string {
	posn.Filename = r.name(posn.Filename)
	return posn.String()
}

// pos renames the file of a "file:line:col" string (the position of a
// packages.Error); a position without a line number is a file name.
func (r relativizer) pos(s string) string {
	file, suffix := s, ""
	for range 2 { // :col, then :line
		i := strings.LastIndexByte(file, ':')
		if i < 0 {
			break
		}
		if _, err := strconv.Atoi(file[i+1:]); err != nil {
			break
		}
		file, suffix = file[:i], file[i:]+suffix
	}
	return r.name(file) + suffix
}

// A diagKey identifies a diagnostic by what it prints, so that one
// reported on a file of a package and of its test variant is printed once.
type diagKey struct {
	pos, end token.Position
	analyzer *analysis.Analyzer
	message  string
}

// visitResults calls onErr for each action of the graph that failed and
// onDiag for each diagnostic of its roots, once each (see diagKey), in
// the order checker.Graph.PrintText prints them.
func visitResults(graph *checker.Graph, onErr func(act *checker.Action), onDiag func(act *checker.Action, d *analysis.Diagnostic)) {
	seen := make(map[diagKey]bool)
	for act := range graph.All() {
		if act.Err != nil {
			onErr(act)
			continue
		}
		if !act.IsRoot {
			continue
		}
		fset := act.Package.Fset
		for i := range act.Diagnostics {
			d := &act.Diagnostics[i]
			k := diagKey{fset.Position(d.Pos), fset.Position(d.End), act.Analyzer, d.Message}
			if !seen[k] {
				seen[k] = true
				onDiag(act, d)
			}
		}
	}
}

// printText prints the graph's diagnostics as checker.Graph.PrintText
// does, file:line:col: message with each related position on a line of
// its own and contextLines lines of source around each (none if
// negative), but with the files named by r.
func printText(w io.Writer, graph *checker.Graph, contextLines int, r relativizer) error {
	var b strings.Builder
	onErr := func(act *checker.Action) { fmt.Fprintf(&b, "%s: %v\n", act.Analyzer.Name, act.Err) }
	visitResults(graph, onErr, func(act *checker.Action, d *analysis.Diagnostic) {
		fset := act.Package.Fset
		printOne := func(pos, end token.Pos, message string) {
			posn := fset.Position(pos)
			fmt.Fprintf(&b, "%s: %s\n", r.position(posn), message)
			if contextLines < 0 {
				return
			}
			last := fset.Position(cmp.Or(end, pos)).Line
			data, _ := os.ReadFile(posn.Filename)
			lines := strings.Split(string(data), "\n")
			for i := max(posn.Line-contextLines, 1); i <= min(last+contextLines, len(lines)); i++ {
				fmt.Fprintf(&b, "%d\t%s\n", i, lines[i-1])
			}
		}
		printOne(d.Pos, d.End, d.Message)
		for _, rel := range d.Related {
			printOne(rel.Pos, rel.End, "\t"+rel.Message)
		}
	})
	_, err := io.WriteString(w, b.String())
	return err
}
