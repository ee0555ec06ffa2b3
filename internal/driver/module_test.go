package driver

import (
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/packages"
)

// TestCoversModules has a row per pattern that does, or does not, name
// the whole of the main module.
func TestCoversModules(t *testing.T) {
	t.Setenv("GOWORK", "")
	root := t.TempDir()
	ws := t.TempDir() // a module inside a workspace
	if err := os.WriteFile(filepath.Join(ws, "go.work"), []byte("go 1.23\nuse ./m\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	wsMod := &packages.Module{Path: "example.com/m", Dir: filepath.Join(ws, "m"), Main: true}
	mod := &packages.Module{Path: "example.com/m", Dir: root, Main: true}
	other := &packages.Module{Path: "example.com/w", Dir: filepath.Join(root, "w"), Main: true}
	pkg := &packages.Package{PkgPath: "example.com/m/config", Module: mod}
	for _, tc := range []struct {
		name     string
		patterns []string
		cwd      string
		pkgs     []*packages.Package
		want     bool
	}{
		{"./... at the root", []string{"./..."}, root, []*packages.Package{pkg}, true},
		{"./... in a subdirectory", []string{"./..."}, filepath.Join(root, "cmd"), []*packages.Package{pkg}, false},
		{"../... from a subdirectory", []string{"../..."}, filepath.Join(root, "cmd"), []*packages.Package{pkg}, true},
		{"the module path", []string{"example.com/m/..."}, "/", []*packages.Package{pkg}, true},
		{"a package of it", []string{"./cmd/api"}, root, []*packages.Package{pkg}, false},
		{"a subtree of it", []string{"example.com/m/cmd/..."}, root, []*packages.Package{pkg}, false},
		{"all", []string{"all"}, root, []*packages.Package{pkg}, true},
		{"an absolute root", []string{root + "/..."}, "/", []*packages.Package{pkg}, true},
		{"a workspace module not named", []string{"./..."}, root, []*packages.Package{pkg, {PkgPath: "example.com/w", Module: other}}, false},
		{"no package of a main module (GOPATH mode)", []string{"./..."}, root, nil, false},
		{"a module of a workspace: the others may assign it", []string{"./..."}, wsMod.Dir, []*packages.Package{{PkgPath: "example.com/m/config", Module: wsMod}}, false},
	} {
		if got := coversModules(tc.patterns, tc.pkgs, tc.cwd); got != tc.want {
			t.Errorf("%s: coversModules(%q) = %v, want %v", tc.name, tc.patterns, got, tc.want)
		}
	}
}
