package driver

import (
	"bytes"
	"encoding/json"
	"fmt"
	"go/format"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/portlint/portlint/analyzer"
	"github.com/portlint/portlint/internal/driver/sariftest"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
)

// allChecks reports one finding of each category; the port+loopback one
// follows non-ASCII text on its line, where SARIF's UTF-16 columns
// differ from Go's byte columns (ü and ï take 2 bytes, 🚀 4 bytes and 2
// UTF-16 code units). Its servers run one after the other, so each is
// reported as a primary (with its loopback host).
var allChecks = map[string]string{
	"go.mod": "module example.com/all\n\ngo 1.22\n",
	"main.go": `package all

import (
	"flag"
	"net"
	"net/http"
	"os"
)

const metricsPort = "9090"

var debugPort = flag.String("debug-port", "6060", "")

func serve() {
	http.ListenAndServe(":"+metricsPort, nil)
	net.Listen("tcp", "localhost:"+*debugPort)
	/* ünï 🚀 */ http.ListenAndServe("127.0.0.1:8080", nil)
	http.ListenAndServe(":"+os.Getenv("port"), nil)
	//portlint:ignore
	http.ListenAndServe(os.Getenv("ADDR"), nil)
}
`,
}

// runSARIF runs the driver with -format=sarif in the working directory,
// checks the log against the SARIF 2.1.0 schema and decodes it.
func runSARIF(t *testing.T, wantCode int, args ...string) (*sarifLog, string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	if code := Run(analyzer.Analyzer, append([]string{"-format=sarif"}, args...), &stdout, &stderr); code != wantCode {
		t.Fatalf("-format=sarif %v: exit %d, want %d:\n%s", args, code, wantCode, &stderr)
	}
	if err := sariftest.Validate(stdout.Bytes()); err != nil {
		t.Fatalf("-format=sarif %v: invalid SARIF: %v\n%s", args, err, &stdout)
	}
	var log sarifLog
	dec := json.NewDecoder(&stdout)
	dec.DisallowUnknownFields()
	if err := dec.Decode(&log); err != nil {
		t.Fatal(err)
	}
	if len(log.Runs) != 1 {
		t.Fatalf("%d runs, want 1", len(log.Runs))
	}
	return &log, stderr.String()
}

// textFindings runs the driver with text output and returns its primary
// findings (no related lines) as "file:line:col: message".
func textFindings(t *testing.T, args ...string) []string {
	t.Helper()
	var stderr bytes.Buffer
	Run(analyzer.Analyzer, args, &bytes.Buffer{}, &stderr)
	var lines []string
	for l := range strings.Lines(stderr.String()) {
		if !strings.Contains(l, ": \t") {
			lines = append(lines, strings.TrimSuffix(l, "\n"))
		}
	}
	return lines
}

// TestSARIFDemo runs the README's SARIF command, portlint -format=sarif
// ./... on the demo app: a valid log whose results are the text
// output's, named relative to the demo directory.
func TestSARIFDemo(t *testing.T) {
	demo, err := filepath.Abs("../../examples/demo")
	if err != nil {
		t.Fatal(err)
	}
	t.Chdir(demo)
	log, _ := runSARIF(t, 0, "./...")
	run := log.Runs[0]
	if base := run.OriginalURIBaseIDs["%SRCROOT%"].URI; base != "file://"+filepath.ToSlash(demo)+"/" {
		t.Errorf("%%SRCROOT%% is %q, want the demo directory", base)
	}
	var got []string
	for _, r := range run.Results {
		loc := r.Locations[0].PhysicalLocation
		if loc.ArtifactLocation.URIBaseID != "%SRCROOT%" {
			t.Errorf("result at %s has base %q", loc.ArtifactLocation.URI, loc.ArtifactLocation.URIBaseID)
		}
		got = append(got, fmt.Sprintf("%s:%d:%d: %s", loc.ArtifactLocation.URI, loc.Region.StartLine, loc.Region.StartColumn, r.Message.Text))
	}
	if want := textFindings(t, "./..."); !slices.Equal(got, want) || len(got) != 3 {
		t.Errorf("SARIF results:\n%s\ntext findings:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// main.go:22:25 ":"+metricsPort, the constant written on line 13,
	// a secondary server: the primary is srv's Addr on line 31.
	if rel := run.Results[0].RelatedLocations; len(rel) != 2 || rel[0].Message.Text != "port 9090 is written here" ||
		rel[0].PhysicalLocation.Region.StartLine != 13 || rel[0].PhysicalLocation.Region.StartColumn != 7 ||
		rel[1].Message.Text != "the primary server listens here" ||
		rel[1].PhysicalLocation.Region.StartLine != 31 || rel[1].PhysicalLocation.Region.StartColumn != 28 {
		t.Errorf("related locations of the first result: %+v", rel)
	}
}

// TestSARIFContent checks the rules, regions and fixes of a log with one
// finding of each category against the analyzer's own diagnostics and
// against -fix.
func TestSARIFContent(t *testing.T) {
	dir := writeModule(t, allChecks)
	log, _ := runSARIF(t, 0, "./...")
	run := log.Runs[0]
	if d := run.Tool.Driver; d.Name != "portlint" || d.Version == "" || d.InformationURI != analyzer.Analyzer.URL {
		t.Errorf("tool.driver = %+v", d)
	}
	if run.ColumnKind != "utf16CodeUnits" {
		t.Errorf("columnKind %q", run.ColumnKind)
	}
	if inv := run.Invocations; len(inv) != 1 || !inv[0].ExecutionSuccessful {
		t.Errorf("invocations = %+v, want one, successful", inv)
	}

	// The diagnostics themselves, from the analyzer: the rules' help
	// URIs are theirs.
	graph := analyzeModule(t)
	diags := make(map[string]string) // message -> URL
	urls := make(map[string]string)  // category -> URL
	for _, act := range graph.Roots {
		for _, d := range act.Diagnostics {
			diags[d.Message] = d.URL
			urls[d.Category] = d.URL
		}
	}
	var ids []string
	for i, rule := range run.Tool.Driver.Rules {
		ids = append(ids, rule.ID)
		if rule.HelpURI == "" || rule.HelpURI != urls[rule.ID] {
			t.Errorf("rule %s: helpUri %q, want the diagnostics' %q", rule.ID, rule.HelpURI, urls[rule.ID])
		}
		if rule.ShortDescription == nil || rule.ShortDescription.Text == "" {
			t.Errorf("rule %s has no description", rule.ID)
		}
		for _, r := range run.Results {
			if r.RuleID == rule.ID && (r.RuleIndex != i || r.Level != rule.DefaultConfiguration.Level) {
				t.Errorf("result %q: ruleIndex %d, level %s; rule %d has level %s", r.Message.Text, r.RuleIndex, r.Level, i, rule.DefaultConfiguration.Level)
			}
		}
	}
	if want := []string{"directive", "env-name", "loopback", "port", "port+loopback"}; !slices.Equal(ids, want) {
		t.Errorf("rules %v, want %v", ids, want)
	}
	if len(run.Results) != len(diags) || len(diags) != 5 {
		t.Errorf("%d results for %d diagnostics", len(run.Results), len(diags))
	}

	// Regions: the text output's lines and columns, but for the UTF-16
	// column after non-ASCII text.
	text := textFindings(t, "./...")
	src := []byte(allChecks["main.go"])
	const literal = `"127.0.0.1:8080"`
	line := 1 + bytes.Count(src[:bytes.Index(src, []byte(literal))], []byte("\n"))
	// The literal follows "\t/* ünï 🚀 */ http.ListenAndServe(":
	// 34 UTF-16 code units, 38 bytes.
	const col = 35
	for i, r := range run.Results {
		loc := r.Locations[0].PhysicalLocation
		reg := loc.Region
		byteCol := reg.StartColumn
		if reg.StartLine == line {
			byteCol += 4 // ü, ï: 1 byte more each; 🚀: 2 more
			if want := (sarifRegion{line, col, line, col + len(literal)}); reg != want {
				t.Errorf("region of %q = %+v, want %+v", r.Message.Text, reg, want)
			}
		}
		if i >= len(text) || text[i] != fmt.Sprintf("%s:%d:%d: %s", loc.ArtifactLocation.URI, reg.StartLine, byteCol, r.Message.Text) {
			t.Errorf("result %d: %s:%d:%d (byte column %d): %s\ntext:\n%s", i, loc.ArtifactLocation.URI, reg.StartLine, reg.StartColumn, byteCol, r.Message.Text, strings.Join(text, "\n"))
		}
	}

	// The fixes, applied from their SARIF form one at a time, give what
	// -fix writes for the same finding; the port+loopback fix is
	// checked in detail.
	for _, r := range run.Results {
		if r.RuleID == "port+loopback" {
			var inserted []string
			for _, rep := range r.Fixes[0].ArtifactChanges[0].Replacements {
				if rep.InsertedContent != nil {
					inserted = append(inserted, rep.InsertedContent.Text)
				}
			}
			last := r.Fixes[0].ArtifactChanges[0].Replacements[len(inserted)-1]
			if want := (sarifRegion{line, col, line, col + len(literal)}); last.DeletedRegion != want ||
				last.InsertedContent.Text != `net.JoinHostPort("0.0.0.0", cmp.Or(os.Getenv("PORT"), "8080"))` {
				t.Errorf("port+loopback fix, last replacement: %+v, %q; want %+v and the JoinHostPort call", last.DeletedRegion, last.InsertedContent.Text, want)
			}
		}
		if len(r.Fixes) == 0 {
			continue
		}
		fixed, err := applySARIFFix(dir, r.Fixes[0])
		if err != nil {
			t.Errorf("%s: %v", r.Message.Text, err)
			continue
		}
		if want := fixOne(t, graph, r.Message.Text); string(fixed) != want {
			t.Errorf("%s: the SARIF fix gives\n%s\n-fix gives\n%s", r.Message.Text, fixed, want)
		}
	}
}

// applySARIFFix applies a SARIF fix of one file under dir, converting its
// UTF-16 regions back to byte offsets, and formats the result.
func applySARIFFix(dir string, fix sarifFix) ([]byte, error) {
	if len(fix.ArtifactChanges) != 1 {
		return nil, fmt.Errorf("%d artifact changes, want 1", len(fix.ArtifactChanges))
	}
	change := fix.ArtifactChanges[0]
	src, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(change.ArtifactLocation.URI)))
	if err != nil {
		return nil, err
	}
	lines := bytes.SplitAfter(src, []byte("\n"))
	offset := func(line, col int) int {
		off := 0
		for _, l := range lines[:line-1] {
			off += len(l)
		}
		for units, rest := 0, lines[line-1]; units < col-1; {
			r, size := utf8.DecodeRune(rest)
			units, off, rest = units+utf16.RuneLen(r), off+size, rest[size:]
		}
		return off
	}
	reps := slices.Clone(change.Replacements)
	slices.Reverse(reps) // from the end, so earlier offsets hold
	for _, rep := range reps {
		reg := rep.DeletedRegion
		start, end := offset(reg.StartLine, reg.StartColumn), offset(reg.EndLine, reg.EndColumn)
		text := ""
		if rep.InsertedContent != nil {
			text = rep.InsertedContent.Text
		}
		src = slices.Concat(src[:start], []byte(text), src[end:])
	}
	return format.Source(src)
}

// analyzeModule runs the analyzer on ./... as the driver does.
func analyzeModule(t *testing.T) *checker.Graph {
	t.Helper()
	named, roots, err := load("", []string{"./..."}, &options{}, true)
	if err != nil {
		t.Fatal(err)
	}
	keepRootImports(roots)
	graph, err := checker.Analyze([]*analysis.Analyzer{analyzer.Analyzer}, named, nil)
	if err != nil {
		t.Fatal(err)
	}
	return graph
}

// fixOne returns the file -fix writes when message is the only finding
// of graph.
func fixOne(t *testing.T, graph *checker.Graph, message string) string {
	t.Helper()
	saved := make(map[*checker.Action][]analysis.Diagnostic)
	for _, act := range graph.Roots {
		saved[act] = act.Diagnostics
		act.Diagnostics = slices.DeleteFunc(slices.Clone(act.Diagnostics), func(d analysis.Diagnostic) bool { return d.Message != message })
	}
	defer func() {
		for act, diags := range saved {
			act.Diagnostics = diags
		}
	}()
	var diff bytes.Buffer
	if err := applyFixes(graph, true, relativizer{}, &diff); err != nil {
		t.Fatal(err)
	}
	fixed, err := applyUnified(allChecks["main.go"], diff.String())
	if err != nil {
		t.Fatal(err)
	}
	return fixed
}

// TestSARIFUnsuccessful checks that packages that fail to load make the
// invocation unsuccessful (exit 1) while the others' results are still
// logged, and that a clean run logs empty rules and results.
func TestSARIFUnsuccessful(t *testing.T) {
	writeModule(t, map[string]string{
		"go.mod":     "module example.com/broken\n\ngo 1.22\n",
		"bad/bad.go": "package bad\n\nvar _ = undefined\n",
		"ok/ok.go":   "package ok\n\nimport \"net/http\"\n\nfunc serve() { http.ListenAndServe(\":8080\", nil) }\n",
	})
	log, stderr := runSARIF(t, 1, "./...")
	run := log.Runs[0]
	inv := run.Invocations[0]
	if inv.ExecutionSuccessful || !slices.ContainsFunc(inv.Notifications, func(n sarifNotification) bool {
		return n.Level == "error" && n.Message.Text == "bad/bad.go:3:9: undefined: undefined"
	}) {
		t.Errorf("invocation = %+v, want unsuccessful with the type error", inv)
	}
	if !strings.Contains(stderr, "bad/bad.go:3:9: undefined: undefined") {
		t.Errorf("stderr lacks the type error:\n%s", stderr)
	}
	if len(run.Results) != 1 || run.Results[0].Locations[0].PhysicalLocation.ArtifactLocation.URI != "ok/ok.go" {
		t.Errorf("results = %+v, want the finding in ok/ok.go", run.Results)
	}

	writeModule(t, map[string]string{
		"go.mod":  "module example.com/clean\n\ngo 1.22\n",
		"main.go": "package main\n\nimport (\n\t\"net/http\"\n\t\"os\"\n)\n\nfunc main() { http.ListenAndServe(\":\"+os.Getenv(\"PORT\"), nil) }\n",
	})
	var stdout bytes.Buffer
	if code := Run(analyzer.Analyzer, []string{"-format=sarif", "./..."}, &stdout, &bytes.Buffer{}); code != 0 ||
		!strings.Contains(stdout.String(), `"rules": []`) || !strings.Contains(stdout.String(), `"results": []`) {
		t.Errorf("clean module: exit %d, want 0 and empty rules and results:\n%s", code, &stdout)
	}
	if err := sariftest.Validate(stdout.Bytes()); err != nil {
		t.Errorf("clean module: %v", err)
	}
}

// TestSARIFGeneratedFile checks that a finding in a generated file is
// logged without the fix -fix would refuse to apply there.
func TestSARIFGeneratedFile(t *testing.T) {
	writeModule(t, map[string]string{
		"go.mod":  "module example.com/gen\n\ngo 1.22\n",
		"main.go": "package main\n\nimport \"net/http\"\n\nfunc main() { http.ListenAndServe(\":8080\", nil) }\n",
		"gen.go":  "// Code generated by hand. DO NOT EDIT.\n\npackage main\n\nimport \"net/http\"\n\nfunc init() { go http.ListenAndServe(\":8081\", nil) }\n",
	})
	log, _ := runSARIF(t, 0, "./...")
	fixes := make(map[string]int)
	for _, r := range log.Runs[0].Results {
		fixes[r.Locations[0].PhysicalLocation.ArtifactLocation.URI] = len(r.Fixes)
	}
	if want := map[string]int{"main.go": 1, "gen.go": 0}; !maps.Equal(fixes, want) {
		t.Errorf("fixes by file: %v, want %v", fixes, want)
	}
}
