package analyzer

import (
	"golang.org/x/tools/go/analysis"
)

// Analyzer is portlint with its options bound to its flags: the one the
// command and go vet -vettool run.
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
		URL:       docsURL,
		FactTypes: []analysis.Fact{new(returnsFact), new(serverFact), new(sinkFact)},
		Run: func(pass *analysis.Pass) (any, error) {
			return run(pass, cfg, defaultRules)
		},
	}
	if withFlags {
		bindFlags(&a.Flags, cfg)
	}
	return a
}
