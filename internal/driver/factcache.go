package driver

import (
	"bytes"
	"crypto/sha256"
	"encoding/gob"
	"encoding/hex"
	"flag"
	"fmt"
	"hash"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"
)

// The fact cache holds the facts of each wanted dependency, and what the
// analyzer's scan of each candidate returned and which candidates each
// checked package wants (in one index per main module, scanEntry;
// rootwants.go), under a key, as the go command's cache holds vet's:
// a sha256 of everything they depend on,
//
//   - the executable (the hash -V=full prints) and the analyzer's flags;
//   - the package's path, its Go version and its files: by name in the
//     module cache, whose read-only directories a module's version names
//     and go.sum fixes, by content elsewhere (a replaced module, a
//     vendored one, a cgo package's generated files);
//   - its direct imports: a candidate by its own key, another by its
//     export data file, which the go command names after its content;
//   - the packages of DepFacts.Pkgs it imports, directly or not.
//
// A package whose imports lack export data (a package that does not
// compile) is not cached, nor are those that import it. An entry is
// written to a temporary file renamed into place, so readers see whole
// entries; one that cannot be read or does not check is a miss. Nothing
// is removed: the directory may be deleted at any time.

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

	scanIndex  string // the key of the scan index (useScanIndex)
	scans      map[string]scanEntry
	scansDirty bool
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
	fmt.Fprintf(h, "portlint dependency facts 3\nexecutable %x\nanalyzer %s\n", exe, a.Name)
	a.Flags.VisitAll(func(f *flag.Flag) { fmt.Fprintf(h, "flag %q %q\n", f.Name, f.Value.String()) })
	return &factCache{dir: dir, prefix: h.Sum(nil)}
}

// key returns the key of p, whose candidate imports have the keys
// imports, seeing the packages sees; "" if p cannot be cached.
func (c *factCache) key(p *packages.Package, imports map[string]string, sees map[string]bool) string {
	if c == nil {
		return ""
	}
	h := sha256.New()
	// Fields end with a NUL, which no path or name holds.
	field := func(parts ...string) {
		for _, s := range parts {
			h.Write([]byte(s))
			h.Write([]byte{0})
		}
	}
	h.Write(c.prefix)
	field("package", p.PkgPath)
	if p.Module != nil {
		field("go", p.Module.GoVersion)
	}
	files := slices.Clone(p.GoFiles)
	for _, f := range p.CompiledGoFiles { // cgo's output
		if !slices.Contains(files, f) {
			files = append(files, f)
		}
	}
	dir := moduleCacheDir(p.Module)
	for _, name := range files {
		if dir != "" && strings.HasPrefix(name, dir) {
			field("file", name) // its module's version fixes it
		} else if !hashFile(h, name) {
			return ""
		}
	}
	paths := make([]string, 0, len(p.Imports))
	for path := range p.Imports {
		paths = append(paths, path)
	}
	slices.Sort(paths)
	for _, path := range paths {
		imp := p.Imports[path]
		switch {
		case imports[imp.PkgPath] != "":
			field("import", path, imp.PkgPath, "key", imports[imp.PkgPath])
		case imp.ExportFile != "":
			field("import", path, imp.PkgPath, "export", imp.ExportFile)
		case imp.PkgPath == "unsafe":
			field("import", path)
		default:
			return ""
		}
	}
	for _, path := range slices.Sorted(maps.Keys(sees)) {
		field("sees", path)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// moduleCacheDir returns the directory of m in the module cache, with a
// trailing separator, or "" if m is not there: a module with a version
// (or replaced by one) whose directory is named after it.
func moduleCacheDir(m *packages.Module) string {
	if m == nil {
		return ""
	}
	if m.Replace != nil {
		m = m.Replace
	}
	if m.Version == "" || m.Dir == "" || !strings.HasSuffix(m.Dir, "@"+m.Version) {
		return ""
	}
	return m.Dir + string(filepath.Separator)
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

func (c *factCache) file(key, kind string) string {
	return filepath.Join(c.dir, key[:2], key+"-"+kind)
}

// get returns the facts stored under key. A missing, unreadable or
// corrupt entry is a miss.
func (c *factCache) get(key string) (*cacheEntry, bool) {
	entry := new(cacheEntry)
	return entry, c.read(key, "facts", entry)
}

// put stores entry under key, if it can: a cache that cannot be written
// is no error.
func (c *factCache) put(key string, entry *cacheEntry) { c.write(key, "facts", entry) }

// getScan returns the scan stored under key: names, from the scan index.
func (c *factCache) getScan(key string) ([]string, bool) {
	if c == nil || key == "" {
		return nil, false
	}
	c.loadScans()
	e, ok := c.scans[key]
	if ok && e.age != 0 {
		e.age = 0
		c.scans[key] = e
	}
	return e.names, ok
}

// putScan stores a scan under key in the scan index, written by
// flushScans.
func (c *factCache) putScan(key string, names []string) {
	if c == nil || key == "" {
		return
	}
	c.loadScans()
	c.scans[key] = scanEntry{names: names}
	c.scansDirty = true
}

// The scans are kept in one index per main module rather than a file per
// candidate: creating hundreds of files in a cold cache cost more than
// the scans themselves (0.16 s of system time on caddy's 294
// candidates). One line per candidate: its key, how many writes of the
// index ago it was last used, and its names. A write keeps what that run
// used and, for a few more writes, what it did not (another pattern in
// the same module, a dependency before an upgrade).
type scanEntry struct {
	names []string
	age   int
}

const scanKeepWrites = 8

// useScanIndex names the scan index after id, the main module's go.mod.
func (c *factCache) useScanIndex(id string) {
	if c == nil {
		return
	}
	sum := sha256.Sum256(append(slices.Clip(c.prefix), id...))
	c.scanIndex = hex.EncodeToString(sum[:])
}

func (c *factCache) loadScans() {
	if c.scans != nil {
		return
	}
	c.scans = make(map[string]scanEntry)
	data, ok := c.readRaw(c.scanIndex, "scans")
	if !ok {
		return
	}
	for line := range strings.Lines(string(data)) {
		f := strings.Fields(line)
		if len(f) < 2 {
			continue
		}
		age, err := strconv.Atoi(f[1])
		if err != nil {
			continue
		}
		e := scanEntry{age: age + 1}
		if len(f) > 2 {
			e.names = f[2:len(f):len(f)]
		}
		c.scans[f[0]] = e
	}
}

// flushScans writes the scan index if this run added to it.
func (c *factCache) flushScans() {
	if c == nil || !c.scansDirty {
		return
	}
	var b strings.Builder
	for _, key := range slices.Sorted(maps.Keys(c.scans)) {
		e := c.scans[key]
		if e.age > scanKeepWrites {
			continue
		}
		b.WriteString(key)
		b.WriteString(" ")
		b.WriteString(strconv.Itoa(e.age))
		for _, n := range e.names {
			b.WriteString(" ")
			b.WriteString(n)
		}
		b.WriteString("\n")
	}
	c.writeRaw(c.scanIndex, "scans", []byte(b.String()))
	c.scansDirty = false
}

func (c *factCache) read(key, kind string, v any) bool {
	payload, ok := c.readRaw(key, kind)
	return ok && gob.NewDecoder(bytes.NewReader(payload)).Decode(v) == nil
}

func (c *factCache) write(key, kind string, v any) {
	var payload bytes.Buffer
	if err := gob.NewEncoder(&payload).Encode(v); err == nil {
		c.writeRaw(key, kind, payload.Bytes())
	}
}

// readRaw returns the payload stored under key and kind, checked.
func (c *factCache) readRaw(key, kind string) ([]byte, bool) {
	if c == nil || key == "" {
		return nil, false
	}
	data, err := os.ReadFile(c.file(key, kind))
	if err != nil || len(data) < sha256.Size {
		return nil, false
	}
	sum, payload := data[:sha256.Size], data[sha256.Size:]
	if got := sha256.Sum256(payload); !bytes.Equal(sum, got[:]) {
		return nil, false
	}
	return payload, true
}

// writeRaw stores payload under key and kind, if it can: a cache that
// cannot be written is no error.
func (c *factCache) writeRaw(key, kind string, payload []byte) {
	if c == nil || key == "" {
		return
	}
	sum := sha256.Sum256(payload)
	name := c.file(key, kind)
	if err := os.MkdirAll(filepath.Dir(name), 0o777); err != nil {
		return
	}
	tmp, err := os.CreateTemp(filepath.Dir(name), "tmp-*")
	if err != nil {
		return
	}
	_, err = tmp.Write(append(sum[:], payload...))
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
