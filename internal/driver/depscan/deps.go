package depscan

import (
	"bytes"
	"go/ast"
	"go/parser"
	"go/token"
	"maps"
	"os"
	"slices"
	"strings"
	"sync"

	"github.com/portlint/portlint/internal/listenapi"
)

// The standalone command computes the facts of the dependencies that a
// package it checks can read and that can matter to it, where go vet and
// golangci-lint compute every package's (internal/driver, depfacts.go).
// The driver offers the packages outside the main module and the
// standard library that import a package of the rules or another such
// package (the candidates); Scan and Wants decide, from their files
// and from what the checked packages use of them, which are worth
// type-checking from source. A dependency that cannot reach a listen API
// and returns no constant address costs its export data and a scan of
// its files, which the driver caches.

// ListenPkgs returns the packages that declare the listen APIs of the
// rules (net, net/http, crypto/tls and the frameworks'): a dependency is
// a candidate for facts only if it imports one of them or another
// candidate.
func ListenPkgs() map[string]bool { return maps.Clone(listenapi.DefaultRules.Pkgs) }

// Scan is the driver's scan of a candidate (driver.DepScan): it
// returns the exported functions ("f:Name"), methods ("m:Name") and
// fields ("v:Name") of the package that may get a SinkFact or a
// ServerFact, which need a listen site in the package: a call of a listen
// API, a write of a server's address field, a call or a write of a sink
// of another package (one its scan named). Names are matched without
// types: a package's function by the name of the import it is called
// through, a method or a field by its name alone, among those of the
// packages below (below) and of the rules whose package the candidate
// sees (sees). Most candidates name none of these: their files are read
// once and never parsed.
func Scan(pkgPath string, goFiles []string, imports map[string]string, sees func(string) bool, scanned func(string) map[string]bool, below map[string]bool) []string {
	rn := listenapi.DefaultRules.Index()
	// The names of the words, for a first pass over the bytes.
	words := make(map[string]wordKind)
	for path := range imports {
		for name := range rn.Funcs[path] {
			words[name] |= refWord
		}
		for key := range scanned(path) {
			if name, ok := strings.CutPrefix(key, "f:"); ok {
				words[name] |= refWord
			}
		}
	}
	for name, pkgs := range rn.Methods {
		if slices.ContainsFunc(pkgs, sees) {
			words[name] |= refWord
		}
	}
	for name, pkgs := range rn.Fields {
		if slices.ContainsFunc(pkgs, sees) {
			words[name] |= fieldWord
		}
	}
	// The sink methods below, which a value of any type it can see may
	// have, and the sink fields of the packages it imports: a field of
	// a type of another package is written in a literal of that type,
	// or by an assignment, which the scan takes for one of the imports'
	// (scanner.belowField).
	methods := make(map[string]bool)
	for key := range below {
		if name, ok := strings.CutPrefix(key, "m:"); ok {
			methods[name] = true
			words[name] |= refWord
		}
	}
	for path := range imports {
		for key := range scanned(path) {
			if name, ok := strings.CutPrefix(key, "v:"); ok {
				words[name] |= fieldWord
			}
		}
	}
	if !mentionsAny(goFiles, words) {
		return nil
	}
	fset := token.NewFileSet()
	var files []*ast.File
	for _, name := range goFiles {
		if f, err := parser.ParseFile(fset, name, nil, parser.SkipObjectResolution); err == nil {
			files = append(files, f)
		}
	}
	sc := &scanner{rules: rn, imports: imports, sees: sees, self: listenapi.DefaultRules.Pkgs[pkgPath], scanned: scanned, belowMethods: methods}
	return sc.scan(files)
}

type wordKind uint8

const (
	refWord   wordKind = 1 << iota // counts wherever it is named
	fieldWord                      // counts as a literal's key or an assigned field
)

// scanBuf is the buffer mentionsAny reads files into.
var scanBuf = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// mentionsAny reports whether one of files names a word (mentionsWord),
// reading each into one buffer: most packages mention none, and their
// files need no more memory than the largest.
func mentionsAny(files []string, words map[string]wordKind) bool {
	buf := scanBuf.Get().(*bytes.Buffer)
	defer scanBuf.Put(buf)
	for _, name := range files {
		f, err := os.Open(name)
		if err != nil {
			continue // as the analysis would: a file it cannot read holds nothing
		}
		buf.Reset()
		_, err = buf.ReadFrom(f)
		f.Close()
		if err == nil && mentionsWord(buf.Bytes(), words) {
			return true
		}
	}
	return false
}

// mentionsWord reports whether the code of src names, as an exported
// identifier, one of words in the shape its kind asks for: a cheap test
// before any parsing. Comments and literals do not count.
func mentionsWord(src []byte, words map[string]wordKind) bool {
	for i := 0; i < len(src); {
		c := src[i]
		switch {
		case c == '/' && i+1 < len(src) && src[i+1] == '/':
			if j := bytes.IndexByte(src[i:], '\n'); j >= 0 {
				i += j
			} else {
				i = len(src)
			}
			continue
		case c == '/' && i+1 < len(src) && src[i+1] == '*':
			if j := bytes.Index(src[i+2:], []byte("*/")); j >= 0 {
				i += j + 4
			} else {
				i = len(src)
			}
			continue
		case c == '"' || c == '\'' || c == '`':
			i = skipLiteral(src, i)
			continue
		case !isIdentByte(c):
			i++
			continue
		}
		j := i + 1
		for j < len(src) && isIdentByte(src[j]) {
			j++
		}
		if 'A' <= c && c <= 'Z' && (i == 0 || src[i-1] < 0x80) { // exported, not the tail of a non-ASCII identifier
			if k := words[string(src[i:j])]; k&refWord != 0 || k&fieldWord != 0 && fieldShape(src, i, j) {
				return true
			}
		}
		i = j
	}
	return false
}

// skipLiteral returns the index after the string, raw string or rune
// literal that starts at src[i].
func skipLiteral(src []byte, i int) int {
	quote := src[i]
	for i++; i < len(src); i++ {
		switch src[i] {
		case quote:
			return i + 1
		case '\\':
			if quote != '`' {
				i++
			}
		case '\n':
			if quote != '`' {
				return i + 1 // unterminated: the parser will say so
			}
		}
	}
	return i
}

// fieldShape reports whether the name at src[i:j] is written like a
// key of a composite literal (Addr: …) or an assigned field (x.Addr = …).
func fieldShape(src []byte, i, j int) bool {
	k := j
	for k < len(src) && (src[k] == ' ' || src[k] == '\t') {
		k++
	}
	if k < len(src) && src[k] == ':' {
		return k+1 >= len(src) || src[k+1] != '='
	}
	if k < len(src) && src[k] == '=' && (k+1 >= len(src) || src[k+1] != '=') {
		h := i - 1
		for h >= 0 && (src[h] == ' ' || src[h] == '\t' || src[h] == '\n') {
			h--
		}
		return h >= 0 && src[h] == '.'
	}
	return false
}

func isIdentByte(c byte) bool {
	return c == '_' || '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c >= 0x80
}
