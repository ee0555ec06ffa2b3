package gclplugin

import (
	"reflect"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/portlint/portlint/analyzer"
)

// yamlMap is how golangci-lint hands over a settings block it read from
// YAML: string keys, []any lists.
type yamlMap = map[string]any

func TestSettingsDecode(t *testing.T) {
	def := analyzer.DefaultConfig()
	for _, tc := range []struct {
		name string
		conf any
		want analyzer.Config
	}{
		{"no settings block", nil, def},
		{"empty settings", yamlMap{}, def},
		{"every setting", yamlMap{
			"env":           "APP_PORT",
			"host":          "::",
			"allow":         []any{"localhost:6060", "*:9090"},
			"include-tests": true,
		}, analyzer.Config{Env: "APP_PORT", Host: "::", Allow: []string{"localhost:6060", "*:9090"}, IncludeTests: true}},
		{"unset settings keep defaults", yamlMap{"include-tests": true},
			analyzer.Config{Env: def.Env, Host: def.Host, IncludeTests: true}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, err := decode(tc.conf)
			if err != nil {
				t.Fatal(err)
			}
			if got := s.Config(); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("config = %+v, want %+v", got, tc.want)
			}
			if _, err := New(tc.conf); err != nil {
				t.Errorf("New: %v", err)
			}
		})
	}
}

func TestSettingsErrors(t *testing.T) {
	for _, tc := range []struct {
		name string
		conf yamlMap
		want []string // in the error message
	}{
		{"unknown key", yamlMap{"hots": "::"}, []string{`unknown key "hots"`, "env, host, allow, include-tests"}},
		{"flag spelling is not a key", yamlMap{"include_tests": true}, []string{`unknown key "include_tests"`}},
		{"loopback host", yamlMap{"host": "127.0.0.1"}, []string{"host", `"127.0.0.1"`}},
		{"host not an address", yamlMap{"host": "example.com"}, []string{"host", `"example.com"`}},
		{"empty env", yamlMap{"env": ""}, []string{"env"}},
		{"bad env", yamlMap{"env": "1PORT"}, []string{"env", `"1PORT"`}},
		{"allow as a string", yamlMap{"allow": "localhost:6060"}, []string{"allow: want a list"}},
		{"malformed allow entry", yamlMap{"allow": []any{"localhost"}}, []string{"allow", `"localhost"`}},
		{"include-tests not a bool", yamlMap{"include-tests": "yes"}, []string{"include-tests: want true or false"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p, err := New(tc.conf)
			if err == nil {
				t.Fatalf("New(%v) = %v, want an error", tc.conf, p)
			}
			msg := err.Error()
			if strings.Contains(msg, "\n") {
				t.Errorf("error spans lines: %q", msg)
			}
			if !strings.HasPrefix(msg, "portlint settings: ") {
				t.Errorf("error %q does not say it is about portlint's settings", msg)
			}
			for _, w := range tc.want {
				if !strings.Contains(msg, w) {
					t.Errorf("error %q does not contain %q", msg, w)
				}
			}
		})
	}
}

// pluginFor builds the plugin from conf, as golangci-lint does.
func pluginFor(t *testing.T, conf any) *Plugin {
	t.Helper()
	p, err := New(conf)
	if err != nil {
		t.Fatal(err)
	}
	return p.(*Plugin)
}

// TestPluginAnalyzer runs the analyzer the plugin builds, checking that
// each setting reaches it.
func TestPluginAnalyzer(t *testing.T) {
	testdata := analysistest.TestData()

	t.Run("defaults", func(t *testing.T) {
		p := pluginFor(t, nil)
		if got := p.GetLoadMode(); got != "typesinfo" {
			t.Errorf("load mode %q, want typesinfo (portlint needs types)", got)
		}
		as, err := p.BuildAnalyzers()
		if err != nil || len(as) != 1 {
			t.Fatalf("BuildAnalyzers() = %v, %v; want one analyzer", as, err)
		}
		analysistest.Run(t, testdata, as[0], "defaults")
	})

	t.Run("configured", func(t *testing.T) {
		p := pluginFor(t, yamlMap{
			"env":           "APP_PORT",
			"host":          "::",
			"allow":         []any{"localhost:*"},
			"include-tests": true,
		})
		as, _ := p.BuildAnalyzers()
		results := analysistest.Run(t, testdata, as[0], "configured")
		// env and host shape the suggested fix.
		fixes := 0
		for _, r := range results {
			for _, d := range r.Diagnostics {
				if len(d.SuggestedFixes) == 0 {
					continue
				}
				var text strings.Builder
				for _, e := range d.SuggestedFixes[0].TextEdits {
					text.Write(e.NewText)
				}
				fixes++
				if s := text.String(); !strings.Contains(s, `"APP_PORT"`) || !strings.Contains(s, "::") {
					t.Errorf("fix for %q inserts %q, want it to read $APP_PORT and bind ::", d.Message, s)
				}
			}
		}
		if fixes == 0 {
			t.Errorf("no suggested fixes")
		}
	})
}
