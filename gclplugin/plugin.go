// Package gclplugin is portlint as a golangci-lint v2 module plugin.
//
// Build a custom golangci-lint that includes it (see docs/integrations.md:
// golangci-lint custom with a .custom-gcl.yml, or scripts/build-golangci-lint.sh
// offline), then enable it in .golangci.yml:
//
//	version: "2"
//	linters:
//	  default: none
//	  enable: [portlint]
//	  settings:
//	    custom:
//	      portlint:
//	        type: module
//	        description: servers on a hard-coded port or loopback host
//	        settings:
//	          env: PORT
//	          host: 0.0.0.0
//	          allow: ["localhost:6060", "*:9090"]
//	          include-tests: false
//
// Every setting has the same name and meaning as the portlint command's
// flag of that name; a setting that is left out keeps the flag's default.
package gclplugin

import (
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"

	"github.com/portlint/portlint/analyzer"
)

func init() { register.Plugin("portlint", New) }

// Settings are the plugin's settings under
// linters.settings.custom.portlint.settings in .golangci.yml.
type Settings struct {
	// Env is the environment variable the platform passes the port in
	// (flag -env; default PORT).
	Env *string `json:"env"`
	// Host is the all-interfaces host the suggested fix binds: 0.0.0.0 or
	// :: (flag -host; default 0.0.0.0).
	Host *string `json:"host"`
	// Allow lists intentional addresses: "host:port" exactly, "*:port" on
	// any host, "host:*" on any port (flag -allow, there comma-separated).
	Allow []string `json:"allow"`
	// IncludeTests also checks _test.go files (flag -include-tests).
	IncludeTests *bool `json:"include-tests"`
}

// settingNames are the keys Settings accepts, in the order documented.
var settingNames = []string{"env", "host", "allow", "include-tests"}

// Config returns the analyzer configuration the settings describe: the
// defaults with each given setting applied. It does not validate values.
func (s Settings) Config() analyzer.Config {
	cfg := analyzer.DefaultConfig()
	if s.Env != nil {
		cfg.Env = *s.Env
	}
	if s.Host != nil {
		cfg.Host = *s.Host
	}
	if s.Allow != nil {
		cfg.Allow = append([]string(nil), s.Allow...)
	}
	if s.IncludeTests != nil {
		cfg.IncludeTests = *s.IncludeTests
	}
	return cfg
}

// Plugin is the golangci-lint plugin: one portlint analyzer configured
// from the settings.
type Plugin struct {
	analyzer *analysis.Analyzer
}

var _ register.LinterPlugin = (*Plugin)(nil)

// New decodes and validates the settings. An error is one line naming the
// bad key or value, e.g. `portlint settings: unknown key "hots" (known
// keys: env, host, allow, include-tests)`; golangci-lint prints it and stops.
func New(conf any) (register.LinterPlugin, error) {
	s, err := decode(conf)
	if err != nil {
		return nil, fmt.Errorf("portlint settings: %w", err)
	}
	a, err := analyzer.New(s.Config())
	if err != nil {
		return nil, fmt.Errorf("portlint settings: %w", err)
	}
	return &Plugin{analyzer: withoutRelated(a)}, nil
}

// decode checks the keys itself, for a message that lists the known
// ones, then lets register.DecodeSettings decode the values.
func decode(conf any) (Settings, error) {
	if m, ok := conf.(map[string]any); ok {
		var unknown []string
		for k := range m {
			if !known(k) {
				unknown = append(unknown, k)
			}
		}
		if len(unknown) > 0 {
			sort.Strings(unknown)
			return Settings{}, fmt.Errorf("unknown key %q (known keys: %s)", unknown[0], strings.Join(settingNames, ", "))
		}
	}
	s, err := register.DecodeSettings[Settings](conf)
	if err != nil {
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) && te.Field != "" {
			return Settings{}, fmt.Errorf("%s: want %s, got %s", te.Field, typeName(te.Field), te.Value)
		}
		return Settings{}, err
	}
	return s, nil
}

func known(key string) bool {
	for _, n := range settingNames {
		if n == key {
			return true
		}
	}
	return false
}

// typeName describes the value a key wants, in YAML terms.
func typeName(key string) string {
	switch key {
	case "allow":
		return `a list of addresses such as ["localhost:6060", "*:9090"]`
	case "include-tests":
		return "true or false"
	default:
		return "a string"
	}
}

// withoutRelated drops the related information of a's diagnostics.
// golangci-lint reports each piece as an issue of its own at its own line
// ("portlint(related information): …"), which the //nolint:portlint on the
// finding's line does not cover and no fix removes; the finding's message
// already names what it points at.
func withoutRelated(a *analysis.Analyzer) *analysis.Analyzer {
	b := *a
	b.Run = func(pass *analysis.Pass) (any, error) {
		p := *pass
		p.Report = func(d analysis.Diagnostic) {
			d.Related = nil
			pass.Report(d)
		}
		return a.Run(&p)
	}
	return &b
}

// BuildAnalyzers returns the configured portlint analyzer.
func (p *Plugin) BuildAnalyzers() ([]*analysis.Analyzer, error) {
	return []*analysis.Analyzer{p.analyzer}, nil
}

// GetLoadMode asks for type information: portlint resolves constants and
// callees through go/types.
func (p *Plugin) GetLoadMode() string { return register.LoadModeTypesInfo }
