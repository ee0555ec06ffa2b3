package analyzer

import (
	"github.com/portlint/portlint/internal/listenapi"
	"github.com/portlint/portlint/internal/report"
	"github.com/portlint/portlint/internal/resolve"
	"github.com/portlint/portlint/internal/sites"
	"golang.org/x/tools/go/analysis"
)

// Analyzer is portlint with its options bound to its flags, as the
// command and go vet -vettool run it.
var Analyzer = newAnalyzer(&flagConfig, true)

var flagConfig = DefaultConfig()

// New returns a portlint analyzer with a fixed configuration, for drivers
// that configure analyzers without flags (the golangci-lint plugin).
func New(cfg Config) (*analysis.Analyzer, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	return newAnalyzer(&cfg, false), nil
}

func newAnalyzer(cfg *Config, withFlags bool) *analysis.Analyzer {
	a := &analysis.Analyzer{
		Name:      "portlint",
		Doc:       doc,
		URL:       report.DocsURL,
		FactTypes: []analysis.Fact{new(resolve.ReturnsFact), new(resolve.VarFact), new(resolve.WritesFact), new(resolve.HasVarsFact), new(resolve.FieldFact), new(sites.ServerFact), new(sites.SinkFact), new(sites.OptionFact)},
		Run: func(pass *analysis.Pass) (any, error) {
			return run(pass, cfg, listenapi.DefaultRules)
		},
	}
	if withFlags {
		bindFlags(&a.Flags, cfg)
	}
	return a
}
