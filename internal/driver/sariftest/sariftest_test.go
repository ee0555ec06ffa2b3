package sariftest

import (
	"strings"
	"testing"
)

// TestValidate checks that the schema is enforced: a minimal log passes,
// and each broken variant fails for its reason.
func TestValidate(t *testing.T) {
	const valid = `{"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x"}}, "results": [
		{"message": {"text": "m"}, "locations": [{"physicalLocation": {
			"artifactLocation": {"uri": "a%20b.go", "uriBaseId": "%SRCROOT%"},
			"region": {"startLine": 1, "startColumn": 2}}}]}]}]}`
	if err := Validate([]byte(valid)); err != nil {
		t.Fatalf("valid log rejected: %v", err)
	}
	const loc = "/runs/0/results/0/locations/0/physicalLocation"
	for _, tc := range []struct{ name, from, to, at string }{
		{"wrong version", `"2.1.0"`, `"2.0.0"`, "at '/version'"},
		{"column 0", `"startColumn": 2`, `"startColumn": 0`, "at '" + loc + "/region/startColumn'"},
		{"unknown property", `"startLine": 1`, `"startLine": 1, "line": 1`, "at '" + loc + "/region'"},
		{"message without text", `{"text": "m"}`, `{}`, "at '/runs/0/results/0/message'"},
		{"invalid uri-reference", `a%20b.go`, `a b%zz.go`, "at '" + loc + "/artifactLocation/uri'"},
	} {
		err := Validate([]byte(strings.Replace(valid, tc.from, tc.to, 1)))
		if err == nil || !strings.Contains(err.Error(), tc.at) {
			t.Errorf("%s: got %v, want an error %s", tc.name, err, tc.at)
		}
	}
	if err := Validate([]byte(`{"version": `)); err == nil {
		t.Errorf("truncated JSON accepted")
	}
}
