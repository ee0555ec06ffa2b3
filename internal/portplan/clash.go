package portplan

import (
	"cmp"
	"go/token"
	"slices"
	"strings"

	"github.com/portlint/portlint/internal/addrval"
)

// findClashes finds, in each function, a server that can take the port of
// an earlier one still listening: it fails with "address already in use".
func findClashes(servers []Server, roles []Role) {
	byFunc := make(map[token.Pos][]int)
	for i, s := range servers {
		// A server started later by a call that cannot be placed may
		// never run beside the others.
		if s.Func.IsValid() && !s.Elsewhere {
			byFunc[s.Func] = append(byFunc[s.Func], i)
		}
	}
	for _, group := range byFunc {
		slices.SortFunc(group, func(a, b int) int { return cmp.Compare(servers[a].Start, servers[b].Start) })
		for l, j := range group {
			later := &servers[j]
			for _, i := range group[:l] {
				earlier := &servers[i]
				// The earlier one still listens when the later starts
				// only if it serves in the background.
				if !earlier.Background || !earlier.Transport.Overlaps(later.Transport) ||
					exclusive(earlier.Branches, later.Branches) || !overlap(bindHosts(earlier.Alts), bindHosts(later.Alts)) {
					continue
				}
				// A shared constant port first: it stays the same when a
				// fix makes the servers read variables defaulting to it.
				for _, p := range earlier.Ports {
					on := roles[j].ClashOn
					if slices.Contains(later.Ports, p) && (on == "" || constantPort(p) && !constantPort(on)) {
						roles[j].Clash, roles[j].ClashOn = i, p
					}
				}
				if roles[j].Clash >= 0 {
					break
				}
			}
		}
	}
}

// constantPort reports whether p is a constant port's key, not a variable's.
func constantPort(p string) bool { return strings.HasPrefix(p, "port ") }

// exclusive reports whether two starts lie in different arms of one if
// or switch statement, so that they never both run.
func exclusive(a, b []Branch) bool {
	for i := range min(len(a), len(b)) {
		if a[i].At != b[i].At {
			return false
		}
		if a[i].Arm != b[i].Arm {
			return true
		}
	}
	return false
}

// bindHosts lists the addresses a server binds (addrval.BindHost), "*"
// for all interfaces or any it cannot tell. A server whose addresses are
// not seen (another package's) may bind any.
func bindHosts(alts []addrval.Alt) []string {
	if len(alts) == 0 {
		return []string{"*"}
	}
	out := []string{}
	for _, a := range alts {
		switch h := addrval.BindHost(a.Host.Text); {
		case !a.Host.Known || h == "*":
			return []string{"*"}
		case h != "":
			out = append(out, h)
		}
	}
	return out
}

// overlap reports whether two servers bind a common address; one that
// binds none overlaps nothing.
func overlap(a, b []string) bool {
	if len(a) == 0 || len(b) == 0 {
		return false
	}
	return slices.Contains(a, "*") || slices.Contains(b, "*") || slices.ContainsFunc(a, func(h string) bool { return slices.Contains(b, h) })
}
