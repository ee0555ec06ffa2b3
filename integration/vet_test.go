package integration

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestVet runs the real go vet with portlint as its vettool on
// testdata/vetmod: server/ listens on hard-coded addresses, clean/ does
// not.
func TestVet(t *testing.T) {
	dir := copyDir(t, filepath.Join("testdata", "vetmod"))
	mainGo := filepath.Join(dir, "server", "main.go")
	testGo := filepath.Join(dir, "server", "main_test.go")
	port8080 := finding{"server/main.go", lineOf(t, mainGo, `":8080"`), "hard-coded port 8080"}
	// The $PORT reader runs in a goroutine: it is the primary, the
	// others secondaries, reported for their port.
	port9000 := finding{"server/main.go", lineOf(t, mainGo, `"localhost:9000"`), "hard-coded port 9000: the platform routes only"}
	port7070 := finding{"server/main_test.go", lineOf(t, testGo, `":7070"`), "hard-coded port 7070"}
	vettool := "-vettool=" + portlintBin

	t.Run("findings", func(t *testing.T) {
		out, code := run(t, dir, nil, "go", "vet", vettool, "./...")
		if code == 0 {
			t.Errorf("go vet exited 0 with findings, want non-zero\n%s", out)
		}
		// The $PORT listener and the _test.go one are not reported.
		checkFindings(t, out, port8080, port9000)
	})

	t.Run("include-tests flag", func(t *testing.T) {
		out, code := run(t, dir, nil, "go", "vet", vettool, "-include-tests", "./server")
		if code == 0 {
			t.Errorf("go vet exited 0 with findings, want non-zero\n%s", out)
		}
		checkFindings(t, out, port8080, port9000, port7070)
	})

	t.Run("allow flag", func(t *testing.T) {
		out, code := run(t, dir, nil, "go", "vet", vettool, "-allow=localhost:9000", "./...")
		if code == 0 {
			t.Errorf("go vet exited 0 with findings, want non-zero\n%s", out)
		}
		checkFindings(t, out, port8080)
	})

	t.Run("invalid flag value", func(t *testing.T) {
		out, code := run(t, dir, nil, "go", "vet", vettool, "-host=127.0.0.1", "./...")
		if code == 0 {
			t.Fatalf("go vet -host=127.0.0.1 exited 0, want a usage error\n%s", out)
		}
		if !strings.Contains(out, `"127.0.0.1" is not an all-interfaces address`) {
			t.Errorf("go vet -host=127.0.0.1: want the error to name the bad value, got\n%s", out)
		}
	})

	t.Run("clean package", func(t *testing.T) {
		out, code := run(t, dir, nil, "go", "vet", vettool, "-include-tests", "./clean/...")
		if code != 0 {
			t.Errorf("go vet on a clean package exited %d, want 0\n%s", code, out)
		}
		checkFindings(t, out)
	})
}
