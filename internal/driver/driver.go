// package driver runs one analyzer over the packages named on the command
// line: the standalone form of portlint (`portlint [flags] packages`).
//
// It does what golang.org/x/tools/go/analysis/singlechecker does, with
// the same flags, output and exit codes, except in how it loads packages
// for an analyzer with facts. singlechecker then type-checks every
// dependency from source, the standard library included, which costs more
// than the whole analysis (+80% CPU on net/... crypto/...). This driver
// loads only the named packages and the main module's own packages from
// source and everything else from export data, as singlechecker does for
// an analyzer without facts; facts flow between the packages loaded from
// source (see load.go) and, with Options.DepFacts, from the dependencies
// an analyzer selects, loaded from source once and cached (depfacts.go).
// The go vet protocol (-V, -flags, a .cfg file) is left to
// singlechecker, which hands it to unitchecker.
package driver

import (
	"encoding/json"
	"flag"
	"fmt"
	"go/types"
	"io"
	"os"
	"runtime"
	"runtime/pprof"
	"runtime/trace"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/analysis/singlechecker"
	"golang.org/x/tools/go/packages"
)

// options are the driver's own flags, named as singlechecker names them.
type options struct {
	fix, diff, json         bool
	format                  string // text, json or sarif
	version                 bool
	context                 int
	tests                   bool
	tags                    string
	cpuprof, memprof, trace string
	deps                    *DepFacts // Options.DepFacts
	module                  func([]*packages.Package, bool)
	checksTests             func() bool
}

// Main is the main function of a standalone analysis command for a: it
// parses the flags, runs a and exits.
func Main(a *analysis.Analyzer) { MainWith(a, Options{}) }

// MainWith is Main with options.
func MainWith(a *analysis.Analyzer, o Options) {
	args := os.Args[1:]
	if VetProtocol(args) {
		// -V is answered here rather than by singlechecker, which
		// prints no version ("devel comments-go-here").
		for _, arg := range args {
			if name, value, _ := strings.Cut(strings.TrimLeft(arg, "-"), "="); strings.HasPrefix(arg, "-") && name == "V" {
				os.Exit(versionProtocol(a.Name, value, os.Stdout, os.Stderr))
			}
		}
		if o.VetxOnly != nil && vetxOnly(args) {
			o.VetxOnly()
		}
		singlechecker.Main(a)
		return
	}
	os.Exit(RunWith(a, o, args, os.Stdout, os.Stderr))
}

// vetxOnly reports whether the vet config args name asks for facts only:
// go vet runs the tool so on the dependencies of the packages it checks.
func vetxOnly(args []string) bool {
	if len(args) == 0 || !strings.HasSuffix(args[len(args)-1], ".cfg") {
		return false
	}
	data, err := os.ReadFile(args[len(args)-1])
	if err != nil {
		return false
	}
	var cfg struct{ VetxOnly bool }
	return json.Unmarshal(data, &cfg) == nil && cfg.VetxOnly
}

// VetProtocol reports whether args are those cmd/go passes to a vet tool:
// -V=full to identify it, -flags to list its flags, or a .cfg file that
// describes one package.
func VetProtocol(args []string) bool {
	for _, arg := range args {
		name, _, _ := strings.Cut(strings.TrimLeft(arg, "-"), "=")
		if strings.HasPrefix(arg, "-") && (name == "V" || name == "flags") {
			return true
		}
	}
	return len(args) > 0 && strings.HasSuffix(args[len(args)-1], ".cfg")
}

// Run runs a on the packages named by args (flags first) and returns the
// exit code: 0 clean (or fixes, JSON or SARIF written), 1 packages or fixes failed,
// 2 a usage error, 3 diagnostics reported.
func Run(a *analysis.Analyzer, args []string, stdout, stderr io.Writer) int {
	return RunWith(a, Options{}, args, stdout, stderr)
}

// RunWith is Run with options.
func RunWith(a *analysis.Analyzer, o Options, args []string, stdout, stderr io.Writer) int {
	fs, opts, usage := newFlagSet(a, stderr)
	opts.deps, opts.module, opts.checksTests = o.DepFacts, o.Module, o.ChecksTests
	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			usage()
			return 0
		}
		fmt.Fprintf(stderr, "%s: %v (see %s -help)\n", a.Name, err, a.Name)
		return 2
	}
	if opts.version {
		printVersion(stdout, a.Name)
		return 0
	}
	if opts.json {
		// -json is -format=json, kept for scripts written for
		// singlechecker; with another -format it is a contradiction.
		if formatSet := isSet(fs, "format"); formatSet && opts.format != "json" {
			fmt.Fprintf(stderr, "%s: -json conflicts with -format=%s (see %s -help)\n", a.Name, opts.format, a.Name)
			return 2
		}
		opts.format = "json"
	}
	if fs.NArg() == 0 {
		usage()
		return 2
	}
	if opts.trace != "" {
		f, err := os.Create(opts.trace)
		if err == nil {
			err = trace.Start(f)
		}
		if err != nil {
			fmt.Fprintf(stderr, "%s: %v\n", a.Name, err)
			return 1
		}
		defer trace.Stop()
	}
	if opts.cpuprof != "" {
		f, err := os.Create(opts.cpuprof)
		if err != nil {
			fmt.Fprintf(stderr, "%s: %v\n", a.Name, err)
			return 1
		}
		if err := pprof.StartCPUProfile(f); err != nil {
			fmt.Fprintf(stderr, "%s: %v\n", a.Name, err)
			return 1
		}
		defer pprof.StopCPUProfile()
	}
	if opts.memprof != "" {
		defer writeHeapProfile(opts.memprof, stderr)
	}
	return analyze(a, fs.Args(), opts, stdout, stderr)
}

func analyze(a *analysis.Analyzer, patterns []string, opts *options, stdout, stderr io.Writer) int {
	exit := 0
	facts := len(a.FactTypes) > 0
	// Text output names files relative to the working directory, as
	// go vet does; so does SARIF, against a base it declares.
	var paths relativizer
	if dir, err := os.Getwd(); err == nil {
		paths.dir = dir
	}
	named, roots, err := load("", patterns, opts, facts)
	if err != nil {
		fmt.Fprintf(stderr, "%s: %v\n", a.Name, err)
		return 1
	}
	loadErrors := packageErrors(named, paths)
	for _, msg := range loadErrors {
		fmt.Fprintln(stderr, msg)
	}
	if len(loadErrors) > 0 {
		exit = 1
	}
	if opts.module != nil {
		pkgs := mainModulePackages(roots)
		opts.module(pkgs, coversModules(patterns, pkgs, paths.dir))
	}
	if opts.checksTests != nil && !opts.checksTests() {
		// After the module's view, where a test may assign a variable.
		named, roots = ownPackages(named), ownPackages(roots)
	}
	run := a
	resumeGC := func() {}
	if facts && opts.deps != nil {
		// Before keepRootImports: the dependencies are found through
		// the roots' imports. After the module's view, which says what
		// the analyzer wants of them.
		var table *factTable
		if table, resumeGC = dependencyFacts(a, roots, opts.deps, opts.module != nil, stderr); table != nil {
			run = wrapAnalyzer(a, table, false)
		}
	}
	if facts {
		keepRootImports(roots)
	}
	// Printed as text or JSON, a finding needs only its positions: the
	// syntax and type information of a package can go once its pass is
	// done (fixes and SARIF still look at its files).
	if !opts.fix && !opts.diff && opts.format != "sarif" {
		run = releasing(run, roots)
	}
	graph, err := checker.Analyze([]*analysis.Analyzer{run}, named, nil)
	resumeGC()
	if err != nil {
		fmt.Fprintf(stderr, "%s: %v\n", a.Name, err)
		return 1
	}
	if run != a {
		restoreAnalyzer(graph, run, a)
	}
	if opts.fix || opts.diff {
		if err := applyFixes(graph, opts.diff, paths, stdout); err != nil {
			fmt.Fprintf(stderr, "%s: %v\n", a.Name, err)
			return max(exit, 1)
		}
		return exit
	}
	switch opts.format {
	case "json":
		// The JSON of singlechecker -json (x/tools' format), with
		// absolute paths as its consumers expect.
		if err := graph.PrintJSON(stdout); err != nil {
			return 1
		}
		return exit
	case "sarif":
		ok, err := writeSARIF(stdout, a, graph, paths.dir, loadErrors)
		if err != nil {
			fmt.Fprintf(stderr, "%s: %v\n", a.Name, err)
			return 1
		}
		if !ok {
			return 1
		}
		return exit
	}
	if err := printText(stderr, graph, opts.context, paths); err != nil {
		return 1
	}
	failed, diagnostics := 0, 0
	for act := range graph.All() {
		if act.Err != nil {
			failed++
		} else if act.IsRoot {
			diagnostics += len(act.Diagnostics)
		}
	}
	switch {
	case failed > 0:
		exit = 1
	case diagnostics > 0:
		exit = max(exit, 3)
	}
	return exit
}

// newFlagSet returns the command's flags and a function that prints its
// usage. The flag set itself prints nothing: Run prints a parse error on
// one line, and the usage only for -help or no package.
func newFlagSet(a *analysis.Analyzer, stderr io.Writer) (*flag.FlagSet, *options, func()) {
	opts := &options{format: "text", context: -1, tests: true}
	fs := flag.NewFlagSet(a.Name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	fs.BoolVar(&opts.fix, "fix", false, "apply the first suggested fix of each diagnostic")
	fs.BoolVar(&opts.diff, "diff", false, "print the fixes as a unified diff instead of applying them")
	fs.BoolVar(&opts.json, "json", false, "same as -format=json")
	fs.Var((*formatValue)(&opts.format), "format", "output `format`: text (file:line:col: message on stderr), or on stdout with\nexit code 0 for findings: json (x/tools' JSON) or sarif (SARIF 2.1.0)")
	fs.BoolVar(&opts.version, "version", false, "print the version and exit")
	fs.IntVar(&opts.context, "c", -1, "print this many lines of source around each diagnostic")
	fs.BoolVar(&opts.tests, "test", true, "also load the packages' tests (portlint checks _test.go files only with -include-tests)")
	fs.StringVar(&opts.tags, "tags", "", "comma-separated build tags, as for go build")
	fs.StringVar(&opts.cpuprof, "cpuprofile", "", "write a CPU profile to this file")
	fs.StringVar(&opts.memprof, "memprofile", "", "write a heap profile to this file")
	fs.StringVar(&opts.trace, "trace", "", "write an execution trace to this file")
	// Accepted and ignored, as singlechecker accepts them for go vet's
	// sake, so that scripts written for it keep working.
	for _, name := range []string{"v", "all", "source"} {
		fs.Bool(name, false, "no effect (accepted for compatibility)")
	}
	fs.String("debug", "", "no effect (accepted for compatibility)")
	a.Flags.VisitAll(func(f *flag.Flag) { fs.Var(f.Value, f.Name, f.Usage) })
	usage := func() {
		fs.SetOutput(stderr)
		defer fs.SetOutput(io.Discard)
		paras := strings.Split(a.Doc, "\n\n")
		fmt.Fprintf(stderr, "%s: %s\n\n", a.Name, paras[0])
		fmt.Fprintf(stderr, "Usage: %s [-flag] [package]\n", a.Name)
		fmt.Fprintf(stderr, "       go vet -vettool=$(which %s) [-flag] [package]\n\n", a.Name)
		if len(paras) > 1 {
			fmt.Fprintln(stderr, strings.Join(paras[1:], "\n\n"))
		}
		fmt.Fprintln(stderr, "\nFlags:")
		fs.PrintDefaults()
	}
	return fs, opts, usage
}

// packageErrors returns the load and type errors of pkgs and their
// dependencies, once each, with the files named by r.
func packageErrors(pkgs []*packages.Package, r relativizer) []string {
	var errs []string
	seenModules := make(map[*packages.Module]bool)
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		for _, err := range p.Errors {
			err.Pos = r.pos(err.Pos)
			errs = append(errs, err.Error())
		}
		if m := p.Module; m != nil && m.Error != nil && !seenModules[m] {
			seenModules[m] = true
			errs = append(errs, m.Error.Err)
		}
	})
	return errs
}

// A formatValue is the value of -format, checked when it is set.
type formatValue string

func (f *formatValue) String() string { return string(*f) }

func (f *formatValue) Set(s string) error {
	switch s {
	case "text", "json", "sarif":
		*f = formatValue(s)
		return nil
	}
	return fmt.Errorf("want text, json or sarif")
}

func isSet(fs *flag.FlagSet, name string) bool {
	set := false
	fs.Visit(func(f *flag.Flag) { set = set || f.Name == name })
	return set
}

func writeHeapProfile(name string, stderr io.Writer) {
	f, err := os.Create(name)
	if err == nil {
		runtime.GC() // up-to-date statistics
		err = pprof.WriteHeapProfile(f)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
	}
	if err != nil {
		fmt.Fprintln(stderr, err)
	}
}

// releasing returns a copy of run that, once the pass over a package is
// done, lets go of the package's syntax and type information: the
// packages analyzed later need only its types and facts, and printing a
// finding only its positions. Held to the end, they are more than half
// of what loading left (the maps of types.Info alone: 74 of 144 MiB on
// caddy, 318 of 546 MiB on prometheus), which a collection during the
// passes (after the dependencies' facts were computed from source, say)
// would mark. Loading leaves the heap well below its goal, so most runs
// end without one: a soft memory limit that forced one to reuse the
// released memory cost more CPU (+10% on caddy) than the memory it saved.
func releasing(run *analysis.Analyzer, pkgs []*packages.Package) *analysis.Analyzer {
	byTypes := make(map[*types.Package]*packages.Package, len(pkgs))
	for _, p := range pkgs {
		byTypes[p.Types] = p
	}
	w := &analysis.Analyzer{
		Name:             run.Name,
		Doc:              run.Doc,
		URL:              run.URL,
		Requires:         run.Requires,
		ResultType:       run.ResultType,
		FactTypes:        run.FactTypes,
		RunDespiteErrors: run.RunDespiteErrors,
	}
	w.Run = func(pass *analysis.Pass) (any, error) {
		inner := *pass
		inner.Analyzer = run // the pass names the analyzer it runs
		result, err := run.Run(&inner)
		if p := byTypes[pass.Pkg]; p != nil {
			p.Syntax, p.TypesInfo = nil, nil
		}
		pass.Files, pass.TypesInfo = nil, nil
		return result, err
	}
	return w
}
