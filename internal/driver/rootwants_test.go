package driver

import (
	"os"
	"slices"
	"strings"
	"testing"
)

// TestRootWants checks that what a checked package wants is asked once,
// then read from the scan index until the package or a candidate it
// reaches changes.
func TestRootWants(t *testing.T) {
	_, dep := writeDepModules(t)
	t.Setenv("PORTLINT_CACHE", t.TempDir())
	t.Setenv("PORTLINT_DEPFACTS", "")
	both := []string{"example.com/dep/listen", "example.com/dep/wrap"}
	check := func(run string, asked bool, wanted []string, used, findings int) {
		t.Helper()
		wantsAsked = 0
		code, stderr, _, stats := depRun(t)
		if code != 3 || strings.Count(stderr, "listens on constant") != findings {
			t.Errorf("%s: exit %d, want 3 and %d findings:\n%s", run, code, findings, stderr)
		}
		if (wantsAsked > 0) != asked {
			t.Errorf("%s: DepWants asked %d times, want asked %v", run, wantsAsked, asked)
		}
		if !slices.Equal(stats.wanted, wanted) || stats.used != used {
			t.Errorf("%s: wanted %q and used %d, want %q and %d", run, stats.wanted, stats.used, wanted, used)
		}
	}
	check("first run", true, both, 3, 2)
	check("second run", false, both, 3, 2)

	// main no longer uses wrap: its export data changed.
	main := depModules["app/main.go"]
	changed := strings.Replace(strings.Replace(main, "\twrap.Serve(\":9090\")\n", "", 1), "\t\"example.com/dep/wrap\"\n", "", 1)
	if err := os.WriteFile("main.go", []byte(changed), 0o644); err != nil {
		t.Fatal(err)
	}
	check("changed main.go", true, both[:1], 2, 1)
	if err := os.WriteFile("main.go", []byte(main), 0o644); err != nil {
		t.Fatal(err)
	}
	check("restored main.go", false, both, 3, 2)

	// A candidate main reaches changed: asked again.
	if err := os.WriteFile(dep+"/client/client.go", []byte(depModules["dep/client/client.go"]+"\nfunc Other() {}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	check("changed client.go", true, both, 3, 2)
}
