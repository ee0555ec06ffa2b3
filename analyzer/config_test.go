package analyzer_test

import (
	"strings"
	"testing"

	"github.com/portlint/portlint/analyzer"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
)

// withFlags sets the analyzer's flags for one test and restores them.
func withFlags(t *testing.T, a *analysis.Analyzer, flags map[string]string) {
	t.Helper()
	for name, value := range flags {
		old := a.Flags.Lookup(name).Value.String()
		if err := a.Flags.Set(name, value); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() {
			if err := a.Flags.Set(name, old); err != nil {
				t.Error(err)
			}
		})
	}
}

func TestAllow(t *testing.T) {
	withFlags(t, analyzer.Analyzer, map[string]string{"allow": "localhost:6060, *:9090,127.0.0.1:*"})
	analysistest.Run(t, testdata, analyzer.Analyzer, "config/allow")
}

func TestIncludeTests(t *testing.T) {
	withFlags(t, analyzer.Analyzer, map[string]string{"include-tests": "true"})
	analysistest.Run(t, testdata, analyzer.Analyzer, "config/includetests")
}

func TestEnvAndHost(t *testing.T) {
	withFlags(t, analyzer.Analyzer, map[string]string{"env": "APP_PORT", "host": "::"})
	analysistest.RunWithSuggestedFixes(t, testdata, analyzer.Analyzer, "config/envhost")
}

func TestBadFlags(t *testing.T) {
	for _, tc := range []struct{ flag, value, want string }{
		{"env", "", "empty environment variable name"},
		{"env", "1PORT", `"1PORT" is not a valid environment variable name`},
		{"host", "localhost", `"localhost" is not an IP address`},
		{"host", "127.0.0.1", `"127.0.0.1" is not an all-interfaces address`},
		{"allow", "localhost", `malformed entry "localhost"`},
		{"allow", "*:*", `allows every address`},
		{"allow", "localhost:", `has no port`},
		{"allow", "localhost:99999", `invalid port "99999"`},
	} {
		err := analyzer.Analyzer.Flags.Set(tc.flag, tc.value)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("-%s=%q: got error %v, want one containing %q", tc.flag, tc.value, err, tc.want)
		}
	}
	if _, err := analyzer.New(analyzer.Config{Env: "PORT", Host: "0.0.0.0", Allow: []string{"nope"}}); err == nil {
		t.Error("New accepted a malformed allow entry")
	}
}
