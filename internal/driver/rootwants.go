package driver

import (
	"crypto/sha256"
	"encoding/hex"
	"math/bits"
	"slices"
	"strings"

	"golang.org/x/tools/go/packages"
)

// What a checked package wants, cached.
//
// Asking DepWants of every use of a candidate in the packages checked
// (wantedBy) costs a walk of their types.Info.Uses: 45 ms of a warm run
// on caddy, 150 ms on prometheus, a twentieth of what the whole process
// costs over the bare driver's. Its answer depends only on the package
// (its export data, which the go command names after its content: the
// compiled code and positions of its files), the candidates it can reach
// (their keys, which cover their files and what they import) and whether
// the analyzer sees the module. It is kept in the scan index, one line
// per package: the candidates it uses, "w:" before those it wants.

// rootWants returns the candidates whose facts the checked package p
// wants, sorted by path, from the scan index if it can, and adds those
// it uses to used.
func (g *depGraph) rootWants(p *packages.Package, module bool, used map[*candidate]bool) []*candidate {
	key := g.wantsKey(p, module)
	if entry, ok := g.cache.getScan(key); ok {
		if wanted, ok := g.decodeWants(entry, used); ok {
			return wanted
		}
	}
	mine := make(map[*candidate]bool)
	wanted := g.wantedBy(p, nil, mine)
	entry := make([]string, 0, len(mine))
	for c := range mine {
		used[c] = true
		prefix := "u:"
		if slices.Contains(wanted, c) {
			prefix = "w:"
		}
		entry = append(entry, prefix+c.pkg.PkgPath)
	}
	slices.SortFunc(entry, func(x, y string) int { return strings.Compare(x[2:], y[2:]) })
	g.cache.putScan(key, entry)
	return wanted
}

// decodeWants reads an entry of rootWants; false if it names a package
// that is not a candidate (an index written for other patterns).
func (g *depGraph) decodeWants(entry []string, used map[*candidate]bool) ([]*candidate, bool) {
	var wanted []*candidate
	cands := make([]*candidate, 0, len(entry))
	for _, e := range entry {
		c := g.cands[e[min(2, len(e)):]]
		if c == nil || !strings.HasPrefix(e, "w:") && !strings.HasPrefix(e, "u:") {
			return nil, false
		}
		cands = append(cands, c)
		if e[0] == 'w' {
			wanted = append(wanted, c)
		}
	}
	for _, c := range cands {
		used[c] = true
	}
	return wanted, true
}

// wantsKey returns the key of what p wants, "" if it cannot be cached:
// the executable, p and its export data, whether the analyzer sees the
// module, and the keys of the candidates p reaches that no other it
// reaches imports (whose keys cover those below).
func (g *depGraph) wantsKey(p *packages.Package, module bool) string {
	if g.cache == nil || p.ExportFile == "" {
		return ""
	}
	reach := g.reach(p)
	top := slices.Clone(reach)
	for i, w := range reach {
		for ; w != 0; w &= w - 1 {
			for j, b := range g.order[i*64+bits.TrailingZeros64(w)].below {
				top[j] &^= b
			}
		}
	}
	h := sha256.New()
	field := func(parts ...string) {
		for _, s := range parts {
			h.Write([]byte(s))
			h.Write([]byte{0})
		}
	}
	h.Write(g.cache.prefix)
	field("wants", p.ID, p.PkgPath, p.ExportFile)
	if module {
		field("module")
	}
	for i, w := range top {
		for ; w != 0; w &= w - 1 {
			c := g.order[i*64+bits.TrailingZeros64(w)]
			k := g.key(c)
			if k == "" {
				return ""
			}
			field("candidate", c.pkg.PkgPath, k)
		}
	}
	return hex.EncodeToString(h.Sum(nil))
}

// reach returns the candidates p imports, directly or not, as a set of
// indexes, memoized for every package on the way.
func (g *depGraph) reach(p *packages.Package) []uint64 {
	if r, ok := g.reached[p]; ok {
		return r
	}
	if g.reached == nil {
		g.reached = make(map[*packages.Package][]uint64)
	}
	r := make([]uint64, (len(g.order)+63)/64)
	g.reached[p] = r // an import cycle, which go list rejects, ends here
	if c := g.cands[p.PkgPath]; c != nil {
		r[c.index/64] |= 1 << (c.index % 64)
		for i, w := range c.below {
			r[i] |= w
		}
		if c.pkg == p {
			return r
		}
		// Another variant of its path: its uses name the candidate's
		// objects, and its imports may differ.
	}
	for _, imp := range p.Imports {
		for i, w := range g.reach(imp) {
			r[i] |= w
		}
	}
	return r
}
