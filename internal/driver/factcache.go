package driver

import (
	"bytes"
	"crypto/sha256"
	"encoding/gob"
	"encoding/hex"
	"flag"
	"fmt"
	"hash"
	"os"
	"path/filepath"
	"slices"

	"golang.org/x/tools/go/analysis"
)

// The fact cache holds the facts of each selected dependency in a file
// named by a key, as the go command's cache holds vet's: a sha256 of
// everything the facts depend on,
//
//   - the executable (the hash -V=full prints) and the analyzer's flags;
//   - the package's path, its Go version and its files, by name and
//     content;
//   - its direct imports: a selected one by its own key, another by its
//     export data file, which the go command names after its content.
//
// A package whose imports lack export data (a package that does not
// compile, or a load from source) is not cached, nor are those that
// import it. An entry is written to a temporary file renamed into place,
// so readers see whole entries; one that cannot be read or does not
// check is a miss. Nothing is removed: the directory may be deleted at
// any time.

// A cacheEntry is the facts of one package, as the cache stores them.
type cacheEntry struct {
	Objects  []cachedFact // Path is the object's objectpath
	Packages []cachedFact // Path is empty
}

type cachedFact struct {
	Path string
	Type string // factTypeName
	Data []byte // gob
}

type factCache struct {
	dir    string
	prefix []byte // the key's start: executable and flags
}

// cacheDir returns the directory of the cache, "" if it is disabled.
func cacheDir() string {
	switch dir := os.Getenv("PORTLINT_CACHE"); dir {
	case "off":
		return ""
	case "":
		base, err := os.UserCacheDir()
		if err != nil {
			return ""
		}
		return filepath.Join(base, "portlint")
	default:
		return dir
	}
}

// openFactCache returns the cache for a, nil if it is disabled or the
// executable cannot be identified.
func openFactCache(a *analysis.Analyzer) *factCache {
	dir := cacheDir()
	if dir == "" {
		return nil
	}
	exe, err := executableID()
	if err != nil {
		return nil
	}
	h := sha256.New()
	fmt.Fprintf(h, "portlint dependency facts 1\nexecutable %x\nanalyzer %s\n", exe, a.Name)
	a.Flags.VisitAll(func(f *flag.Flag) { fmt.Fprintf(h, "flag %q %q\n", f.Name, f.Value.String()) })
	return &factCache{dir: dir, prefix: h.Sum(nil)}
}

// key returns the key of d, whose selected imports have theirs, or "" if
// d cannot be cached.
func (c *factCache) key(d *depPkg) string {
	p := d.pkg
	h := sha256.New()
	fmt.Fprintf(h, "%x\npackage %q\n", c.prefix, p.PkgPath)
	if p.Module != nil {
		fmt.Fprintf(h, "go %q\n", p.Module.GoVersion)
	}
	files := slices.Clone(p.GoFiles)
	for _, f := range p.CompiledGoFiles { // cgo's output
		if !slices.Contains(files, f) {
			files = append(files, f)
		}
	}
	for _, name := range files {
		if !hashFile(h, name) {
			return ""
		}
	}
	selected := make(map[string]string, len(d.deps))
	for _, dep := range d.deps {
		if dep.key == "" {
			return ""
		}
		selected[dep.pkg.PkgPath] = dep.key
	}
	paths := make([]string, 0, len(p.Imports))
	for path := range p.Imports {
		paths = append(paths, path)
	}
	slices.Sort(paths)
	for _, path := range paths {
		imp := p.Imports[path]
		switch {
		case selected[imp.PkgPath] != "":
			fmt.Fprintf(h, "import %q %q key %s\n", path, imp.PkgPath, selected[imp.PkgPath])
		case imp.ExportFile != "":
			fmt.Fprintf(h, "import %q %q export %q\n", path, imp.PkgPath, imp.ExportFile)
		case imp.PkgPath == "unsafe":
			fmt.Fprintf(h, "import %q\n", path)
		default:
			return ""
		}
	}
	return hex.EncodeToString(h.Sum(nil))
}

func hashFile(h hash.Hash, name string) bool {
	data, err := os.ReadFile(name)
	if err != nil {
		return false
	}
	fmt.Fprintf(h, "file %q %d\n", name, len(data))
	h.Write(data)
	return true
}

func (c *factCache) file(key string) string {
	return filepath.Join(c.dir, key[:2], key+"-facts")
}

// get returns the entry of key. A missing, unreadable or corrupt entry
// is a miss.
func (c *factCache) get(key string) (*cacheEntry, bool) {
	if c == nil || key == "" {
		return nil, false
	}
	data, err := os.ReadFile(c.file(key))
	if err != nil || len(data) < sha256.Size {
		return nil, false
	}
	sum, payload := data[:sha256.Size], data[sha256.Size:]
	if got := sha256.Sum256(payload); !bytes.Equal(sum, got[:]) {
		return nil, false
	}
	entry := new(cacheEntry)
	if err := gob.NewDecoder(bytes.NewReader(payload)).Decode(entry); err != nil {
		return nil, false
	}
	return entry, true
}

// put stores entry under key, if it can: a cache that cannot be written
// is no error.
func (c *factCache) put(key string, entry *cacheEntry) {
	if c == nil || key == "" {
		return
	}
	var payload bytes.Buffer
	if err := gob.NewEncoder(&payload).Encode(entry); err != nil {
		return
	}
	sum := sha256.Sum256(payload.Bytes())
	name := c.file(key)
	if err := os.MkdirAll(filepath.Dir(name), 0o777); err != nil {
		return
	}
	tmp, err := os.CreateTemp(filepath.Dir(name), "tmp-*")
	if err != nil {
		return
	}
	_, err = tmp.Write(append(sum[:], payload.Bytes()...))
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), name)
	}
	if err != nil {
		os.Remove(tmp.Name())
	}
}
