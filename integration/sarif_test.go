package integration

import (
	"bytes"
	"encoding/json"
	"os/exec"
	"slices"
	"testing"

	"github.com/portlint/portlint/internal/driver/sariftest"
)

// TestSARIF runs the README's SARIF command on the demo app, as a tool of
// its module, and validates the log against the SARIF 2.1.0 schema.
func TestSARIF(t *testing.T) {
	cmd := exec.Command("go", "-C", "examples/demo", "tool", "portlint", "-format=sarif", "./...")
	cmd.Dir = repoRoot
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("portlint -format=sarif on the demo: %v (findings exit 0 with -format=sarif)\n%s", err, &stderr)
	}
	if err := sariftest.Validate(stdout.Bytes()); err != nil {
		t.Fatalf("invalid SARIF: %v\n%s", err, &stdout)
	}
	var log struct {
		Runs []struct {
			Results []struct {
				RuleID    string `json:"ruleId"`
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct{ URI, URIBaseID string }
						Region           struct{ StartLine, StartColumn int }
					}
				}
			}
		}
	}
	if err := json.Unmarshal(stdout.Bytes(), &log); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range log.Runs[0].Results {
		l := r.Locations[0].PhysicalLocation
		got = append(got, r.RuleID+" "+l.ArtifactLocation.URIBaseID+" "+l.ArtifactLocation.URI)
	}
	if want := []string{"port %SRCROOT% main.go", "port %SRCROOT% main.go", "port+loopback %SRCROOT% main.go"}; !slices.Equal(got, want) {
		t.Errorf("results %q, want %q", got, want)
	}
}
