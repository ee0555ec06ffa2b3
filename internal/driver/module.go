package driver

import (
	"go/build"
	"os"
	"path/filepath"
	"strings"

	"golang.org/x/tools/go/packages"
)

// mainModulePackages returns the roots that belong to a main module (the
// module, or a module of the workspace): loaded from source, with types.
func mainModulePackages(roots []*packages.Package) []*packages.Package {
	var out []*packages.Package
	for _, p := range roots {
		if p.Module != nil && p.Module.Main {
			out = append(out, p)
		}
	}
	return out
}

// coversModules reports whether the patterns name the whole of every
// main module that pkgs come from, so that no package of it is unseen:
// "./..." at its root (or "dir/..." naming its root), its path followed
// by "/...", or "all"; and no go.work is in effect, whose other modules
// the load may have left out.
func coversModules(patterns []string, pkgs []*packages.Package, cwd string) bool {
	if inWorkspace(cwd) {
		return false // a module of the workspace not loaded may assign it
	}
	mods := make(map[string]*packages.Module)
	for _, p := range pkgs {
		mods[p.Module.Dir] = p.Module
	}
	for _, m := range mods {
		if !covers(patterns, m, cwd) {
			return false
		}
	}
	return len(mods) > 0
}

func covers(patterns []string, m *packages.Module, cwd string) bool {
	for _, pat := range patterns {
		if pat == "all" {
			return true
		}
		base, ok := strings.CutSuffix(pat, "/...")
		switch {
		case !ok:
		case base == m.Path:
			return true
		case build.IsLocalImport(base) || filepath.IsAbs(base):
			if !filepath.IsAbs(base) {
				base = filepath.Join(cwd, base)
			}
			if sameDir(base, m.Dir) {
				return true
			}
		}
	}
	return false
}

func sameDir(a, b string) bool {
	if filepath.Clean(a) == filepath.Clean(b) {
		return true
	}
	ra, errA := filepath.EvalSymlinks(a)
	rb, errB := filepath.EvalSymlinks(b)
	return errA == nil && errB == nil && ra == rb
}

// inWorkspace reports whether a go.work file is in effect in dir: named by
// $GOWORK, or found in dir or a parent, as the go command finds it.
func inWorkspace(dir string) bool {
	switch w := os.Getenv("GOWORK"); w {
	case "off":
		return false
	case "":
	default:
		return true
	}
	for d := filepath.Clean(dir); ; {
		if _, err := os.Stat(filepath.Join(d, "go.work")); err == nil {
			return true
		}
		parent := filepath.Dir(d)
		if parent == d {
			return false
		}
		d = parent
	}
}
