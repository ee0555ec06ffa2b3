package portplan

import (
	"fmt"
	"go/token"
	"slices"
	"strings"

	"github.com/portlint/portlint/internal/addrval"
)

// Decide returns the role of each of the program's servers, in order.
//
// In a command, the primaries are the servers main waits on: started
// outside any goroutine. Where every server runs in the background, the
// first one is the primary. Every other server with a hard-coded port
// gets a variable of its own, named after the program (metricsPort →
// METRICS_PORT). A library cannot know its program: each function's
// servers are planned alone, and one whose names say it is auxiliary
// (metrics, debug, admin…) is never a primary. In both, two servers of
// one function that run at once and can take one port collide. A server
// that is only another's default (isDefault) takes no part in the plan.
func Decide(p Program) []Role {
	roles := make([]Role, len(p.Servers))
	byFunc := make(map[token.Pos][]int)
	for i, s := range p.Servers {
		roles[i] = Role{Primary: -1, Clash: -1}
		switch {
		case s.Debug:
			roles[i].Rank = Debug
		case isDefault(p.Servers, i):
			roles[i].Rank = Default
		}
		// A command's servers are planned together, but for those of
		// functions nothing calls, which never start beside them.
		fn := s.Func
		if p.Command && !s.Unreached {
			fn = token.NoPos
		}
		byFunc[fn] = append(byFunc[fn], i)
	}
	findClashes(p.Servers, roles)
	pl := planner{p: &p, roles: roles}
	for _, group := range byFunc {
		pl.rank(group) // a group's roles depend on its servers only
	}
	return roles
}

// isDefault reports whether server i is the default of a configured
// server: it lies in the arm a statement takes only when a configured
// value is absent, and a server in another arm of that statement reads
// the value. Alternatives of one server, as in
//
//	if port == "" { log.Fatal(http.ListenAndServe(":8080", nil)) }
//	log.Fatal(http.ListenAndServe(":"+port, nil))
//
// are what cmp.Or(port, "8080") is: the platform's value wins where it is
// set. A condition on a value no arm's address reads says nothing.
func isDefault(servers []Server, i int) bool {
	for _, b := range servers[i].Branches {
		if !b.Tests.IsValid() || b.Arm != b.Absent || slices.Contains(servers[i].Reads, b.Tests) {
			continue
		}
		for j, o := range servers {
			if j != i && slices.Contains(o.Reads, b.Tests) &&
				slices.ContainsFunc(o.Branches, func(ob Branch) bool { return ob.At == b.At && ob.Arm != b.Arm }) {
				return true
			}
		}
	}
	return false
}

// planner ranks the servers of one program.
type planner struct {
	p     *Program
	roles []Role
}

func (pl *planner) server(i int) *Server { return &pl.p.Servers[i] }

// auxiliaryFinding reports whether a library's server is auxiliary and
// reported (for its port or host): never the library's primary.
func (pl *planner) auxiliaryFinding(i int) bool {
	return !pl.p.Command && addrval.Classify(pl.server(i).Alts).Any() && pl.auxiliary(i)
}

// rank picks the primaries of a program and names the others' variables.
func (pl *planner) rank(group []int) {
	command := pl.p.Command
	var primaries, others []int
	// Neither a test's server nor a default one is the program's.
	planned := func(i int) bool {
		s := pl.server(i)
		return !s.Debug && !s.Test && pl.roles[i].Rank != Default
	}
	// A server already reading the platform's variable in the background
	// is the one the platform reaches, and runs beside all the others: no
	// fix may give another the same variable.
	reader := slices.IndexFunc(group, func(i int) bool {
		s := pl.server(i)
		return s.Background && planned(i) && slices.Contains(s.Ports, "$"+pl.p.Env)
	})
	for k, i := range group {
		s := pl.server(i)
		switch {
		case k == reader:
			primaries = append(primaries, i)
		case !planned(i):
		case reader >= 0, s.Background, command && (s.ListenerOnly || s.FeedsSink), pl.auxiliaryFinding(i):
			// Not what main waits on, or a library's auxiliary server. In
			// a command every use of a sink is a server of its own, with
			// the address it passes: the sink's site is theirs.
			others = append(others, i)
		default:
			primaries = append(primaries, i)
		}
	}
	primaries, others = pl.onePerStart(primaries, others)
	if len(primaries) == 0 {
		// Every server runs in the background: the first is the primary,
		// preferring one whose names do not say it is auxiliary and that
		// is not started here on loopback (a profiler's, an admin's).
		dislike := func(i int) int {
			switch s := pl.server(i); {
			case pl.auxiliary(i):
				return 2
			case s.Placed && addrval.Classify(s.Alts).Loopback:
				return 1
			}
			return 0
		}
		k := -1
		for j, i := range others {
			s := pl.server(i)
			if !s.FromFact && !s.FeedsSink && !pl.auxiliaryFinding(i) && (k < 0 || dislike(i) < dislike(others[k])) {
				k = j
			}
		}
		if k >= 0 {
			primaries = others[k : k+1]
			others = slices.Delete(slices.Clone(others), k, k+1)
		}
	}
	if command && len(primaries) > 1 {
		primaries, others = pl.placedPrimaries(primaries, others)
	}
	pl.nameSecondaries(primaries, others)
	// A listen site that feeds a sink is the server its uses start: the
	// primary, when one of them is, so that its own loopback host is
	// reported.
	for _, i := range others {
		s := pl.server(i)
		if s.FeedsSink && slices.ContainsFunc(primaries, func(p int) bool { return pl.server(p).Via == s.At }) {
			pl.roles[i] = Role{Rank: Primary, Primary: -1, Clash: pl.roles[i].Clash, ClashOn: pl.roles[i].ClashOn}
		}
	}
}

// onePerStart keeps one primary of the constructions one call starts at
// once (a Run serving two servers in goroutines, then waiting for
// either): the first not auxiliary; the others run beside it.
func (pl *planner) onePerStart(primaries, others []int) ([]int, []int) {
	var kept []int
	for _, i := range primaries {
		at := pl.server(i).StartedBy
		j := slices.IndexFunc(kept, func(k int) bool { return at.IsValid() && pl.server(k).StartedBy == at })
		switch {
		case j < 0:
			kept = append(kept, i)
		case pl.auxiliary(kept[j]) && !pl.auxiliary(i):
			others, kept[j] = append(others, kept[j]), i
		default:
			others = append(others, i)
		}
	}
	return kept, others
}

// placedPrimaries keeps, of a command's primaries, those whose start is
// seen or, if none is, the first not auxiliary; the rest become
// secondaries: an unseen start may run beside the others, and two
// servers reading $PORT at once make a program that does not start.
func (pl *planner) placedPrimaries(primaries, others []int) ([]int, []int) {
	kept := slices.DeleteFunc(slices.Clone(primaries), func(i int) bool { return !pl.server(i).Placed })
	if len(kept) == 0 {
		k := max(0, slices.IndexFunc(primaries, func(i int) bool { return !pl.auxiliary(i) }))
		kept = primaries[k : k+1]
	}
	for _, i := range primaries {
		if !slices.Contains(kept, i) {
			others = append(others, i)
		}
	}
	return kept, others
}

// nameSecondaries makes the others secondaries of the first primary and
// gives each with a hard-coded port a variable of its own. Servers whose
// port is written in the same places are fixed by one edit, so they share
// one; a secondary sharing a primary's gets none.
func (pl *planner) nameSecondaries(primaries, others []int) {
	primary := -1
	if len(primaries) > 0 {
		primary = primaries[0]
	}
	taken := map[string]bool{pl.p.Env: true}
	for _, name := range pl.p.Taken {
		taken[name] = true
	}
	byOrigin := make(map[string]string)
	for _, i := range primaries {
		byOrigin[portOrigin(pl.server(i))] = ""
	}
	for _, i := range others {
		s := pl.server(i)
		pl.roles[i].Rank, pl.roles[i].Primary = Secondary, primary
		if s.FromFact || !addrval.Classify(s.Alts).Port {
			// Fixed in its own package, or no port to fix: a loopback
			// host is right for a secondary.
			continue
		}
		origin := portOrigin(s)
		env, ok := byOrigin[origin]
		if !ok || origin == "" {
			env = uniqueName(pl.envName(i), s.Alts[0].Port.Text, taken)
			taken[env], byOrigin[origin] = true, env
		}
		pl.roles[i].Env = env
	}
}

// envName derives a secondary's variable from its names (in a library
// its package's too), else from its port (PORT_9090).
func (pl *planner) envName(i int) string {
	s := pl.server(i)
	names := s.Names
	if !pl.p.Command {
		names = append(slices.Clip(names), pl.p.Package)
	}
	for _, name := range names {
		if word := envWord(name); word != "" {
			return word + "_PORT"
		}
	}
	return "PORT_" + s.Alts[0].Port.Text
}

// portOrigin identifies where a server's port is written: two servers fed
// by the same definition are fixed by one edit.
func portOrigin(s *Server) string {
	var b strings.Builder
	for _, a := range s.Alts {
		fmt.Fprintf(&b, "%d,", a.Port.Pos)
	}
	return b.String()
}
