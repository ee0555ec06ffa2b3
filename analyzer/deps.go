package analyzer

import (
	"bytes"
	"maps"
	"os"
	"slices"

	"github.com/portlint/portlint/internal/listenapi"
)

// The standalone command computes the facts of the dependencies that may
// hold listen sites or wrap listen APIs (a library's Listen(network,
// addr) around net.Listen), which go vet and golangci-lint compute for
// every package. The driver offers it the packages outside the main
// module and the standard library that import a package of the rules or
// a dependency already selected; DepFilter chooses among them, by a
// textual scan of their files.

// ListenPkgs returns the packages that declare the listen APIs of the
// rules (net, net/http, crypto/tls and the frameworks'): a dependency is
// a candidate for facts only if it imports one of them or a dependency
// selected before it.
func ListenPkgs() map[string]bool { return maps.Clone(listenapi.DefaultRules.Pkgs) }

// depWords are the words a dependency's file must contain, whatever it
// imports, to be selected: the usual names of listen APIs and of address
// parameters and fields. ("Serve" would take every http.Handler's
// ServeHTTP; ListenAndServe has "Listen".)
var depWords = [][]byte{[]byte("Listen"), []byte("Addr"), []byte("Port")}

// depNames are the words for each package of the rules: the bare names
// of its listen functions and of its servers' address fields. A
// framework's generic names (hertz's server.New) count only in its
// importers.
var depNames = func() map[string][][]byte {
	names := make(map[string][][]byte)
	add := func(pkg, name string) {
		if !slices.ContainsFunc(names[pkg], func(b []byte) bool { return string(b) == name }) {
			names[pkg] = append(names[pkg], []byte(name))
		}
	}
	for _, fn := range slices.Concat(slices.Sorted(maps.Keys(listenapi.DefaultRules.Calls)), slices.Sorted(maps.Keys(listenapi.DefaultRules.Implicit))) {
		add(listenapi.PkgOfFullName(fn), listenapi.BareName(fn))
	}
	for _, typ := range slices.Sorted(maps.Keys(listenapi.DefaultRules.Fields)) {
		for _, field := range slices.Sorted(maps.Keys(listenapi.DefaultRules.Fields[typ])) {
			add(listenapi.PkgOfFullName(typ), field)
		}
	}
	return names
}()

// DepFilter is the driver's filter of dependencies (driver.DepFilter):
// it selects a package one of whose files contains, as bytes, one of
// depWords or a listen name of the rule packages it imports. imports are
// the package's imports of rule packages and of selected dependencies.
// A file that cannot be read does not count.
func DepFilter(pkgPath string, imports []string, goFiles []string) bool {
	words := slices.Clip(depWords) // appending copies
	for _, imp := range imports {
		words = append(words, depNames[imp]...)
	}
	for _, name := range goFiles {
		if data, err := os.ReadFile(name); err == nil && slices.ContainsFunc(words, func(w []byte) bool { return bytes.Contains(data, w) }) {
			return true
		}
	}
	return false
}
