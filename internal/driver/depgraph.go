package driver

import (
	"go/types"
	"io"
	"math/bits"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"
)

// How the facts of the candidates a package wants are found, cached or
// computed (depfacts.go).

// A depGraph computes the facts of candidates.
type depGraph struct {
	a      *analysis.Analyzer
	df     *DepFacts
	cands  map[string]*candidate
	table  *factTable
	cache  *factCache
	stats  depStats
	stderr io.Writer
	types  *depTypes    // for type-checking candidates from source, made on first need
	order  []*candidate // the candidates by index
	named  []*candidate // those whose scan returned names
	// reached are the candidates each package imports, directly or
	// not (reach).
	reached map[*packages.Package][]uint64
	// resumeGC, once the cache has missed, resumes the garbage collector
	// that missing paused (pauseGC).
	resumeGC func()
}

// missed pauses the garbage collector at the first miss of the cache.
func (g *depGraph) missed() {
	if g.resumeGC == nil {
		g.resumeGC = pauseGC()
	}
}

// wantedBy returns the candidates, other than self, whose facts p wants,
// sorted by path; it adds those it uses to used (if not nil).
func (g *depGraph) wantedBy(p *packages.Package, self *candidate, used map[*candidate]bool) []*candidate {
	wanted := make(map[*candidate]bool)
	asked := make(map[types.Object]bool) // objects other than functions and fields, asked once
	of := make(map[*types.Package]*candidate)
	for id, obj := range p.TypesInfo.Uses {
		pkg := obj.Pkg()
		if pkg == nil {
			continue
		}
		c, ok := of[pkg]
		if !ok {
			c = g.cands[pkg.Path()]
			of[pkg] = c
		}
		if c == nil || c == self || wanted[c] || asked[obj] {
			continue
		}
		if used != nil {
			used[c] = true
		}
		switch obj := obj.(type) {
		case *types.Func:
		case *types.Var:
			asked[obj] = !obj.IsField()
		default:
			asked[obj] = true // a function's or a field's uses differ
		}
		if g.df.Wants == nil || g.df.Wants(p.Fset, p.Types, p.Syntax, id, obj, c.pkg.CompiledGoFiles, func() map[string]bool { return g.names(c) }) {
			wanted[c] = true
		}
	}
	out := make([]*candidate, 0, len(wanted))
	for c := range wanted {
		out = append(out, c)
	}
	slices.SortFunc(out, func(x, y *candidate) int { return strings.Compare(x.pkg.PkgPath, y.pkg.PkgPath) })
	return out
}

// names returns what DepScan returns for c, from the cache if it can,
// after the scans of the candidates it imports.
func (g *depGraph) names(c *candidate) map[string]bool {
	if c.scanned {
		return c.names
	}
	c.scanned = true
	key := g.key(c)
	names, ok := g.cache.getScan(key)
	if !ok {
		g.missed()
		// Every candidate below, whose names the scan may ask for.
		for i, w := range c.below {
			for ; w != 0; w &= w - 1 {
				g.names(g.order[i*64+bits.TrailingZeros64(w)])
			}
		}
		if g.df.Scan != nil {
			imports := make(map[string]string, len(c.pkg.Imports))
			for path, imp := range c.pkg.Imports {
				imports[path] = imp.Name
			}
			scanned := func(path string) map[string]bool {
				if imp := c.pkg.Imports[path]; imp != nil {
					if d := g.cands[imp.PkgPath]; d != nil {
						return d.names
					}
				}
				return nil
			}
			below := make(map[string]bool)
			for _, d := range g.named {
				if c.below[d.index/64]&(1<<(d.index%64)) != 0 {
					for n := range d.names {
						below[n] = true
					}
				}
			}
			names = g.df.Scan(c.pkg.PkgPath, c.pkg.CompiledGoFiles, imports, func(path string) bool { return c.sees[path] }, scanned, below)
		}
		slices.Sort(names)
		g.cache.putScan(key, names)
		g.stats.scanned = append(g.stats.scanned, c.pkg.PkgPath)
	}
	if len(names) > 0 {
		c.names = make(map[string]bool, len(names))
		for _, n := range names {
			c.names[n] = true
		}
		g.named = append(g.named, c)
	}
	return c.names
}

// key returns c's cache key, computed on first need.
func (g *depGraph) key(c *candidate) string {
	if !c.keyed {
		c.keyed = true
		imports := make(map[string]string, len(c.imports))
		for _, imp := range c.imports {
			k := g.key(imp)
			if k == "" {
				return ""
			}
			imports[imp.pkg.PkgPath] = k
		}
		c.key = g.cache.key(c.pkg, imports, c.sees)
	}
	return c.key
}

// ensure puts the facts of c in the table: from the cache, or computed
// after those of the candidates its analysis wants.
func (g *depGraph) ensure(c *candidate) {
	if c.state != fresh {
		return // done, or an import cycle (which go list would reject)
	}
	c.state = computing
	defer func() { c.state = done }()
	if entry, ok := g.cache.get(g.key(c)); ok {
		g.table.add(c.pkg.PkgPath, entry)
		g.stats.cached = append(g.stats.cached, c.pkg.PkgPath)
		g.stats.wanted = append(g.stats.wanted, c.pkg.PkgPath)
		return
	}
	g.missed()
	if g.types == nil {
		g.types = newDepTypes()
	}
	g.stats.loaded = append(g.stats.loaded, c.pkg.PkgPath)
	entry, err := g.compute(c)
	g.stats.wanted = append(g.stats.wanted, c.pkg.PkgPath)
	if err != nil {
		return // no facts, and nothing cached: tried again next time
	}
	g.table.add(c.pkg.PkgPath, entry)
	g.cache.put(g.key(c), entry)
}

// compute type-checks c from source, computes the facts of the
// candidates it wants, and analyzes it seeing only theirs.
func (g *depGraph) compute(c *candidate) (*cacheEntry, error) {
	p, err := g.types.check(c.pkg)
	if err != nil {
		return nil, err
	}
	c.wants = g.wantedBy(p, c, nil)
	for _, w := range c.wants {
		g.ensure(w)
	}
	// Its own view of the table, what it wants, so that its facts are
	// the same whichever other candidates the command computes.
	view := newFactTable(g.a)
	for _, w := range c.wants {
		if set := g.table.pkgs[w.pkg.PkgPath]; set != nil {
			view.pkgs[w.pkg.PkgPath] = set
		}
	}
	return analyzeDep(g.a, p, view)
}
