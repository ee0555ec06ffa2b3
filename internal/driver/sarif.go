package driver

import (
	"bytes"
	"cmp"
	"encoding/json"
	"go/ast"
	"go/token"
	"io"
	"maps"
	"net/url"
	"os"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
)

// The subset of SARIF 2.1.0 (https://docs.oasis-open.org/sarif/sarif/v2.1.0/)
// that the driver writes.
type (
	sarifLog struct {
		Schema  string     `json:"$schema"`
		Version string     `json:"version"`
		Runs    []sarifRun `json:"runs"`
	}
	sarifRun struct {
		Tool               sarifTool                        `json:"tool"`
		Invocations        []sarifInvocation                `json:"invocations"`
		OriginalURIBaseIDs map[string]sarifArtifactLocation `json:"originalUriBaseIds,omitempty"`
		Results            []sarifResult                    `json:"results"`
		ColumnKind         string                           `json:"columnKind"`
	}
	sarifTool struct {
		Driver sarifToolComponent `json:"driver"`
	}
	sarifToolComponent struct {
		Name           string      `json:"name"`
		Version        string      `json:"version,omitempty"`
		InformationURI string      `json:"informationUri,omitempty"`
		Rules          []sarifRule `json:"rules"`
	}
	sarifRule struct {
		ID                   string             `json:"id"`
		ShortDescription     *sarifMessage      `json:"shortDescription,omitempty"`
		HelpURI              string             `json:"helpUri,omitempty"`
		DefaultConfiguration sarifConfiguration `json:"defaultConfiguration"`
	}
	sarifConfiguration struct {
		Level string `json:"level"`
	}
	sarifInvocation struct {
		ExecutionSuccessful bool                `json:"executionSuccessful"`
		Notifications       []sarifNotification `json:"toolExecutionNotifications,omitempty"`
	}
	sarifNotification struct {
		Level   string       `json:"level"`
		Message sarifMessage `json:"message"`
	}
	sarifMessage struct {
		Text string `json:"text"`
	}
	sarifResult struct {
		RuleID           string          `json:"ruleId"`
		RuleIndex        int             `json:"ruleIndex"`
		Level            string          `json:"level"`
		Message          sarifMessage    `json:"message"`
		Locations        []sarifLocation `json:"locations"`
		RelatedLocations []sarifLocation `json:"relatedLocations,omitempty"`
		Fixes            []sarifFix      `json:"fixes,omitempty"`
	}
	sarifLocation struct {
		PhysicalLocation sarifPhysicalLocation `json:"physicalLocation"`
		Message          *sarifMessage         `json:"message,omitempty"`
	}
	sarifPhysicalLocation struct {
		ArtifactLocation sarifArtifactLocation `json:"artifactLocation"`
		Region           sarifRegion           `json:"region"`
	}
	sarifArtifactLocation struct {
		URI       string `json:"uri"`
		URIBaseID string `json:"uriBaseId,omitempty"`
	}
	// A sarifRegion is a text region; a column of 0 is unknown.
	sarifRegion struct {
		StartLine   int `json:"startLine"`
		StartColumn int `json:"startColumn,omitempty"`
		EndLine     int `json:"endLine"`
		EndColumn   int `json:"endColumn,omitempty"`
	}
	sarifFix struct {
		Description     sarifMessage          `json:"description"`
		ArtifactChanges []sarifArtifactChange `json:"artifactChanges"`
	}
	sarifArtifactChange struct {
		ArtifactLocation sarifArtifactLocation `json:"artifactLocation"`
		Replacements     []sarifReplacement    `json:"replacements"`
	}
	sarifReplacement struct {
		DeletedRegion   sarifRegion        `json:"deletedRegion"`
		InsertedContent *sarifArtifactText `json:"insertedContent,omitempty"`
	}
	sarifArtifactText struct {
		Text string `json:"text"`
	}
)

const sarifSchemaURI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"

// srcRoot is the base of the relative artifact URIs: the working
// directory, as for the paths of text output.
const srcRoot = "%SRCROOT%"

// checkInfo describes a category of portlint's diagnostics
// (docs/checks.md): the rules of SARIF output. A category missing here
// still gets a rule, at level warning and without description.
var checkInfo = map[string]struct{ level, description string }{
	"port":          {"error", "Server listens on a hard-coded port, not the one the platform passes in $PORT"},
	"loopback":      {"error", "Server listens on a loopback host, unreachable from outside the container"},
	"port+loopback": {"error", "Server listens on a hard-coded port and a loopback host"},
	"env-name":      {"error", "Port variable read in the wrong letter case: environment variable names are case-sensitive"},
	"directive":     {"warning", "portlint:ignore directive without a reason, or one that suppresses nothing"},
}

// writeSARIF writes the graph's diagnostics as a SARIF 2.1.0 log: one
// rule per category of diagnostic reported (its id the category, its
// help URI the diagnostics'), one result per diagnostic with its related
// positions and suggested fixes. Files under dir are named relative to it
// (%SRCROOT%), others by absolute file URI. loadErrors, and analyses that
// failed, make the invocation unsuccessful; ok reports whether it was.
func writeSARIF(w io.Writer, a *analysis.Analyzer, graph *checker.Graph, dir string, loadErrors []string) (ok bool, err error) {
	s := &sarifWriter{dir: dir, files: make(map[string][][]byte)}
	inv := sarifInvocation{ExecutionSuccessful: len(loadErrors) == 0}
	for _, msg := range loadErrors {
		inv.Notifications = append(inv.Notifications, sarifNotification{"error", sarifMessage{msg}})
	}
	rules := make(map[string]sarifRule)
	results := []sarifResult{} // [] rather than null: the run found nothing
	onErr := func(act *checker.Action) {
		inv.ExecutionSuccessful = false
		inv.Notifications = append(inv.Notifications, sarifNotification{"error", sarifMessage{act.Analyzer.Name + ": " + act.Err.Error()}})
	}
	visitResults(graph, onErr, func(act *checker.Action, d *analysis.Diagnostic) {
		id := cmp.Or(d.Category, act.Analyzer.Name)
		info, known := checkInfo[id]
		if !known {
			info.level = "warning"
		}
		if _, seen := rules[id]; !seen {
			rule := sarifRule{ID: id, HelpURI: d.URL, DefaultConfiguration: sarifConfiguration{info.level}}
			if info.description != "" {
				rule.ShortDescription = &sarifMessage{info.description}
			}
			rules[id] = rule
		}
		fset := act.Package.Fset
		res := sarifResult{
			RuleID:    id,
			Level:     info.level,
			Message:   sarifMessage{d.Message},
			Locations: []sarifLocation{{PhysicalLocation: s.location(fset, d.Pos, d.End)}},
		}
		for _, rel := range d.Related {
			res.RelatedLocations = append(res.RelatedLocations, sarifLocation{
				PhysicalLocation: s.location(fset, rel.Pos, rel.End),
				Message:          &sarifMessage{rel.Message},
			})
		}
		if len(d.SuggestedFixes) == 0 {
			results = append(results, res)
			return
		}
		generated := make(map[string]bool)
		for _, f := range act.Package.Syntax {
			generated[fset.File(f.FileStart).Name()] = ast.IsGenerated(f)
		}
		for _, fix := range d.SuggestedFixes {
			if sf, ok := s.fix(fset, fix, generated); ok {
				res.Fixes = append(res.Fixes, sf)
			}
		}
		results = append(results, res)
	})

	// Rules sorted by id, for output that does not depend on the order
	// of the packages; the results point into them.
	order := []sarifRule{} // [] rather than null
	ruleIndex := make(map[string]int)
	for i, id := range slices.Sorted(maps.Keys(rules)) {
		order = append(order, rules[id])
		ruleIndex[id] = i
	}
	for i := range results {
		results[i].RuleIndex = ruleIndex[results[i].RuleID]
	}

	info, _ := debug.ReadBuildInfo()
	run := sarifRun{
		Tool: sarifTool{Driver: sarifToolComponent{
			Name:           a.Name,
			Version:        moduleVersion(info),
			InformationURI: a.URL,
			Rules:          order,
		}},
		Invocations: []sarifInvocation{inv},
		Results:     results,
		ColumnKind:  "utf16CodeUnits",
	}
	if dir != "" {
		run.OriginalURIBaseIDs = map[string]sarifArtifactLocation{srcRoot: {URI: fileURI(dir) + "/"}}
	}
	data, err := json.MarshalIndent(sarifLog{sarifSchemaURI, "2.1.0", []sarifRun{run}}, "", "  ")
	if err != nil {
		return false, err
	}
	_, err = w.Write(append(data, '\n'))
	return inv.ExecutionSuccessful, err
}

type sarifWriter struct {
	dir   string
	files map[string][][]byte // file name → its lines, nil if unreadable
}

// artifact names file: relative to %SRCROOT% when under dir, by
// absolute file URI otherwise.
func (s *sarifWriter) artifact(file string) sarifArtifactLocation {
	if rel := (relativizer{s.dir}).name(file); rel != file || !filepath.IsAbs(file) {
		return sarifArtifactLocation{URI: (&url.URL{Path: filepath.ToSlash(rel)}).String(), URIBaseID: srcRoot}
	}
	return sarifArtifactLocation{URI: fileURI(file)}
}

func (s *sarifWriter) location(fset *token.FileSet, pos, end token.Pos) sarifPhysicalLocation {
	start, stop := fset.Position(pos), fset.Position(cmp.Or(end, pos))
	return sarifPhysicalLocation{ArtifactLocation: s.artifact(start.Filename), Region: s.region(start, stop)}
}

// region converts Go's positions (1-based lines, columns counted in
// bytes, end exclusive) to a SARIF region, whose columns count UTF-16
// code units (columnKind utf16CodeUnits, what GitHub and editors use).
func (s *sarifWriter) region(start, end token.Position) sarifRegion {
	return sarifRegion{
		StartLine:   start.Line,
		StartColumn: s.column(start),
		EndLine:     end.Line,
		EndColumn:   s.column(end),
	}
}

// column returns the UTF-16 column of posn, or its byte column when the
// line cannot be read (which differs only after non-ASCII text).
func (s *sarifWriter) column(posn token.Position) int {
	lines, ok := s.files[posn.Filename]
	if !ok {
		if data, err := os.ReadFile(posn.Filename); err == nil {
			lines = bytes.SplitAfter(data, []byte("\n"))
		}
		s.files[posn.Filename] = lines
	}
	if posn.Column <= 0 || posn.Line > len(lines) || posn.Column-1 > len(lines[posn.Line-1]) {
		return posn.Column
	}
	prefix := lines[posn.Line-1][:posn.Column-1]
	n := 0
	for len(prefix) > 0 {
		r, size := utf8.DecodeRune(prefix)
		prefix = prefix[size:]
		n += max(utf16.RuneLen(r), 1) // an invalid byte is one U+FFFD
	}
	return n + 1
}

// fix converts a suggested fix, or reports false if it edits a generated
// file, which -fix never does.
func (s *sarifWriter) fix(fset *token.FileSet, fix analysis.SuggestedFix, generated map[string]bool) (sarifFix, bool) {
	byFile := make(map[string][]analysis.TextEdit)
	var files []string
	for _, te := range fix.TextEdits {
		f := fset.File(te.Pos)
		if f == nil || generated[f.Name()] {
			return sarifFix{}, false
		}
		name := fset.Position(te.Pos).Filename
		if _, ok := byFile[name]; !ok {
			files = append(files, name)
		}
		byFile[name] = append(byFile[name], te)
	}
	sf := sarifFix{Description: sarifMessage{fix.Message}}
	for _, name := range files {
		edits := byFile[name]
		// The replacements of one artifact, in file order; each region
		// is of the original text.
		slices.SortStableFunc(edits, func(x, y analysis.TextEdit) int { return cmp.Compare(x.Pos, y.Pos) })
		change := sarifArtifactChange{ArtifactLocation: s.artifact(name)}
		for _, te := range edits {
			r := sarifReplacement{DeletedRegion: s.region(fset.Position(te.Pos), fset.Position(cmp.Or(te.End, te.Pos)))}
			if len(te.NewText) > 0 {
				r.InsertedContent = &sarifArtifactText{string(te.NewText)}
			}
			change.Replacements = append(change.Replacements, r)
		}
		sf.ArtifactChanges = append(sf.ArtifactChanges, change)
	}
	return sf, true
}

// fileURI returns the file URI of an absolute path.
func fileURI(path string) string {
	p := filepath.ToSlash(path)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // a Windows drive: file:///C:/...
	}
	return (&url.URL{Scheme: "file", Path: p}).String()
}
