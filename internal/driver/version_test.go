package driver

import (
	"bytes"
	"runtime"
	"runtime/debug"
	"strings"
	"testing"

	"github.com/portlint/portlint/analyzer"
)

func TestModuleVersion(t *testing.T) {
	const cmd = "github.com/portlint/portlint/cmd/portlint"
	mod := func(path, version string, replace *debug.Module) *debug.Module {
		return &debug.Module{Path: path, Version: version, Replace: replace}
	}
	tools := mod("golang.org/x/tools", "v0.52.0", nil)
	for _, tc := range []struct {
		name string
		info *debug.BuildInfo
		want string
	}{
		{"go install @v0.3.1", &debug.BuildInfo{Path: cmd, Main: *mod("github.com/portlint/portlint", "v0.3.1", nil), Deps: []*debug.Module{tools}}, "v0.3.1"},
		{"checkout", &debug.BuildInfo{Path: cmd, Main: *mod("github.com/portlint/portlint", "(devel)", nil)}, "devel"},
		{"checkout stamped by git", &debug.BuildInfo{Path: cmd, Main: *mod("github.com/portlint/portlint", "v0.3.2-0.20260101000000-0123456789ab+dirty", nil)},
			"v0.3.2-0.20260101000000-0123456789ab+dirty"},
		{"tool of another module", &debug.BuildInfo{Path: cmd, Main: *mod("example.com/app", "(devel)", nil),
			Deps: []*debug.Module{tools, mod("github.com/portlint/portlint", "v0.3.1", nil)}}, "v0.3.1"},
		{"tool replaced by a directory", &debug.BuildInfo{Path: cmd, Main: *mod("example.com/app", "(devel)", nil),
			Deps: []*debug.Module{mod("github.com/portlint/portlint", "v0.0.0", mod("../..", "", nil))}}, "devel"},
		{"tool replaced by a fork", &debug.BuildInfo{Path: cmd, Main: *mod("example.com/app", "(devel)", nil),
			Deps: []*debug.Module{mod("github.com/portlint/portlint", "v0.3.1", mod("example.com/fork", "v0.3.1-fork", nil))}}, "v0.3.1-fork"},
		// A module whose path is a prefix of another's, not a parent directory.
		{"prefix but not parent", &debug.BuildInfo{Path: cmd, Main: *mod("example.com/app", "(devel)", nil),
			Deps: []*debug.Module{mod("github.com/portlint/port", "v9.0.0", nil), mod("github.com/portlint/portlint", "v0.3.1", nil)}}, "v0.3.1"},
		{"nested module wins", &debug.BuildInfo{Path: cmd, Main: *mod("example.com/app", "(devel)", nil),
			Deps: []*debug.Module{mod("github.com/portlint/portlint", "v0.3.1", nil), mod("github.com/portlint/portlint/cmd/portlint", "v0.1.0", nil)}}, "v0.1.0"},
		{"no build info", nil, "devel"},
	} {
		if got := moduleVersion(tc.info); got != tc.want {
			t.Errorf("%s: moduleVersion = %q, want %q", tc.name, got, tc.want)
		}
	}
}

// toolID is what the go command (cmd/go/internal/work.Builder.toolID)
// keys its vet and fix cache on, from a tool's -V=full line; ok is false
// where it refuses the line.
func toolID(line string) (id string, ok bool) {
	f := strings.Fields(line)
	if len(f) < 3 || f[1] != "version" || strings.Contains(f[2], "devel") && !strings.HasPrefix(f[len(f)-1], "buildID=") {
		return "", false
	}
	if strings.Contains(f[2], "devel") {
		return f[len(f)-1], true
	}
	return strings.TrimSpace(line), true
}

// TestVersionFull checks the -V=full answer: accepted by the go command,
// the same for the same executable, different for another one, in a
// devel build and a released one alike.
func TestVersionFull(t *testing.T) {
	released := &debug.BuildInfo{Path: "github.com/portlint/portlint/cmd/portlint", Main: debug.Module{Path: "github.com/portlint/portlint", Version: "v0.3.1"}}
	devel := &debug.BuildInfo{Path: "github.com/portlint/portlint/cmd/portlint", Main: debug.Module{Path: "github.com/portlint/portlint", Version: "(devel)"}}
	for _, tc := range []struct {
		info   *debug.BuildInfo
		prefix string
	}{
		{released, "portlint version v0.3.1 buildID="},
		{devel, "portlint version devel buildID="},
	} {
		answer := func(exe string) (line, id string) {
			var out bytes.Buffer
			if err := writeVersionFull(&out, "portlint", tc.info, strings.NewReader(exe)); err != nil {
				t.Fatal(err)
			}
			line = out.String()
			id, ok := toolID(line)
			if !ok || !strings.HasPrefix(line, tc.prefix) || !strings.HasSuffix(line, "\n") || strings.Count(line, "\n") != 1 {
				t.Fatalf("-V=full answered %q: want one line starting %q that the go command accepts", line, tc.prefix)
			}
			return line, id
		}
		line1, id1 := answer("binary one")
		line2, _ := answer("binary one")
		_, id3 := answer("binary two")
		if line1 != line2 {
			t.Errorf("two answers for one executable: %q, %q", line1, line2)
		}
		if id1 == id3 {
			t.Errorf("one tool ID %q for two executables", id1)
		}
	}
	for _, bad := range []string{"portlint version devel comments-go-here", "portlint devel buildID=ab"} {
		if _, ok := toolID(bad); ok {
			t.Errorf("toolID accepts %q: it does not check what the go command checks", bad)
		}
	}

	// The running executable (this test binary), as go vet sees it.
	var stdout, stderr bytes.Buffer
	if code := versionProtocol("portlint", "full", &stdout, &stderr); code != 0 {
		t.Fatalf("-V=full: exit %d: %s", code, &stderr)
	}
	if _, ok := toolID(stdout.String()); !ok {
		t.Errorf("-V=full of this binary: %q", &stdout)
	}
	stdout.Reset()
	info, _ := debug.ReadBuildInfo()
	if code := versionProtocol("portlint", "", &stdout, &stderr); code != 0 || stdout.String() != "portlint version "+moduleVersion(info)+"\n" {
		t.Errorf("-V: exit %d, %q", code, &stdout)
	}
	stderr.Reset()
	if code := versionProtocol("portlint", "short", &stdout, &stderr); code != 2 || !strings.Contains(stderr.String(), "-V=short") {
		t.Errorf("-V=short: exit %d, %q; want 2 and an error", code, &stderr)
	}
}

// TestVersionFlag checks that -version needs no package and names the
// module version and the Go release.
func TestVersionFlag(t *testing.T) {
	var stdout, stderr bytes.Buffer
	if code := Run(analyzer.Analyzer, []string{"-version"}, &stdout, &stderr); code != 0 {
		t.Fatalf("-version: exit %d:\n%s", code, &stderr)
	}
	// (The version of a real build is checked by integration/version_test.go.)
	info, _ := debug.ReadBuildInfo()
	if want := "portlint " + moduleVersion(info) + " (" + runtime.Version() + ")\n"; stdout.String() != want {
		t.Errorf("-version printed %q, want %q", &stdout, want)
	}
}

// TestGoBuildID checks the build ID read from an executable's start: an
// ELF note, the marker of other formats, or none (the cache key then
// hashes the whole executable).
func TestGoBuildID(t *testing.T) {
	note := []byte{4, 0, 0, 0, 8, 0, 0, 0, 4, 0, 0, 0, 'G', 'o', 0, 0, 'a', 'b', '/', 'c', 'd', 0, 0, 0}
	for _, tc := range []struct {
		data []byte
		want string
	}{
		{append([]byte("\x7fELF junk Go\x00\x00 "), note...), "ab/cd"},
		{[]byte("text \xff Go build ID: \"xy/zw\"\n \xff more"), "xy/zw"},
		{[]byte("nothing here"), ""},
		{[]byte{0, 0, 'G', 'o', 0, 0}, ""},
	} {
		if got := string(goBuildID(tc.data)); got != tc.want {
			t.Errorf("goBuildID(%q) = %q, want %q", tc.data, got, tc.want)
		}
	}
	id, err := executableID()
	if err != nil || !bytes.HasPrefix(id, []byte("go build ID ")) {
		t.Errorf("executableID() = %q, %v; want this test's build ID", id, err)
	}
}
