package portplan

import (
	"fmt"
	"go/token"
	"slices"
	"testing"

	"github.com/portlint/portlint/internal/addrval"
)

// FuzzDecide plans random programs and checks the plan's invariants:
//   - among the servers of one program (a library's function) that can
//     run at once, at most one is a primary, the one reading $PORT;
//   - no two servers read one variable unless one edit fixes both, and
//     none reads the platform's;
//   - a loopback debugging endpoint is never published;
//   - a collision is with an earlier server of the function, still
//     listening, on a transport and a port both can take.
func FuzzDecide(f *testing.F) {
	f.Add(true, []byte{0x01, 0, 1, 1, 0, 0, 0x00, 0, 2, 0, 1, 0})
	f.Add(false, []byte{0x03, 1, 1, 2, 3, 1, 0x10, 1, 1, 2, 3, 1, 0x40, 2, 0, 0, 0, 2})
	f.Add(true, []byte{0x05, 0, 1, 1, 2, 4, 0x21, 0, 1, 1, 2, 4, 0x80, 0, 3, 3, 0, 0})
	f.Fuzz(func(t *testing.T, command bool, data []byte) {
		p := randomProgram(command, data)
		roles := Decide(p)
		if len(roles) != len(p.Servers) {
			t.Fatalf("%d roles for %d servers", len(roles), len(p.Servers))
		}
		checkPlan(t, p, roles)
	})
}

// Each server takes six bytes: flags, function, port, host, names, and
// what it reads beside its address.
const serverBytes = 6

var (
	fuzzPorts = []string{"?", "8080", "9090", "0", "6060"}
	fuzzHosts = []string{"?", "", "127.0.0.1", "localhost", "10.0.0.1", "::"}
	fuzzNames = [][]string{nil, {"metricsAddr"}, {"apiAddr"}, {"serveDebug"}, {"port"}, {"adminSrv", "serveAdmin"}}
	fuzzReads = [][]string{nil, {"$PORT"}, {"$ADDR"}, {"$PORT", "port 8080"}, {"port 9090"}}
)

func randomProgram(command bool, data []byte) Program {
	p := Program{Command: command, Package: "main", Env: "PORT"}
	if !command {
		p.Package = "server"
	}
	for i := 0; i+serverBytes <= len(data) && i < 12*serverBytes; i += serverBytes {
		b := data[i : i+serverBytes]
		flags := b[0]
		at := token.Pos(10 * (len(p.Servers) + 1))
		s := Server{
			At:           at,
			Start:        at - token.Pos(b[1]>>4), // some starts share a position
			Func:         token.Pos(b[1] % 3),
			Background:   flags&0x01 != 0,
			Placed:       flags&0x02 == 0,
			ListenerOnly: flags&0x04 != 0,
			Elsewhere:    flags&0x08 != 0,
			FeedsSink:    flags&0x10 != 0,
			FromFact:     flags&0x20 != 0,
			Test:         flags&0x40 != 0,
			Transport:    addrval.Transport(b[5] >> 6),
			Names:        fuzzNames[int(b[4])%len(fuzzNames)],
		}
		if flags&0x80 != 0 && len(p.Servers) > 0 {
			s.Via = p.Servers[int(b[4])%len(p.Servers)].At
		}
		// A few if and switch arms, shared between servers; the if at 5
		// tests the variable declared at 3, which servers reading $PORT
		// read, for absence.
		switch b[3] >> 5 {
		case 1:
			s.Branches = []Branch{{At: 5, Arm: 0, Tests: 3}}
		case 2:
			s.Branches = []Branch{{At: 5, Arm: 1, Tests: 3}}
		case 3:
			s.Branches = []Branch{{At: 5, Arm: 1, Tests: 3}, {At: 7, Arm: 8}}
		case 4:
			s.Branches = []Branch{{At: 5, Arm: 1, Tests: 3}, {At: 7, Arm: 9}}
		}
		host := fuzzHosts[int(b[3]&0x1f)%len(fuzzHosts)]
		port := fuzzPorts[int(b[2]&0x0f)%len(fuzzPorts)]
		a := addrval.Alt{HasPort: true}
		if host != "?" {
			a.Host = addrval.Part{Text: host, Known: true, Pos: at}
		}
		if port != "?" {
			// Ports written in one of three places, or at the site.
			pos := at
			if w := b[2] >> 4; w < 3 {
				pos = token.Pos(w + 1)
			}
			a.Port = addrval.Part{Text: port, Known: true, Pos: pos}
			s.Ports = append(s.Ports, "port "+port)
		}
		s.Alts = []addrval.Alt{a}
		for _, r := range fuzzReads[int(b[5]&0x3f)%len(fuzzReads)] {
			if !slices.Contains(s.Ports, r) {
				s.Ports = append(s.Ports, r)
			}
			if r == "$PORT" {
				s.Reads = []token.Pos{3}
			}
		}
		s.Debug = b[4]&0x80 != 0 && addrval.Classify(s.Alts).Loopback
		p.Servers = append(p.Servers, s)
	}
	return p
}

func checkPlan(t *testing.T, p Program, roles []Role) {
	t.Helper()
	dump := func() string {
		var out string
		for i, s := range p.Servers {
			out += fmt.Sprintf("\n#%d %+v → %s", i, s, describe(roles[i]))
		}
		return out
	}
	// A program is the command, or one function of a library.
	group := func(i int) token.Pos {
		if p.Command {
			return 0
		}
		return p.Servers[i].Func
	}
	primaries := make(map[token.Pos][]int)
	vars := make(map[string]int)
	for i, s := range p.Servers {
		r := roles[i]
		if s.Debug != (r.Rank == Debug) {
			t.Fatalf("#%d: a loopback debugging endpoint is %s%s", i, describe(r), dump())
		}
		// A test's server and a listen site that feeds a sink (its uses
		// are the servers) are not the program's.
		if r.Rank == Primary && !s.Test && !s.FeedsSink {
			primaries[group(i)] = append(primaries[group(i)], i)
		}
		if r.Rank == Default && (s.Debug || r.Env != "" || r.Primary >= 0 || slices.Contains(s.Reads, 3)) {
			t.Fatalf("#%d: a default server reading the value it is the default of, or given a role: %s%s", i, describe(r), dump())
		}
		if r.Primary >= 0 && roles[r.Primary].Rank != Primary {
			t.Fatalf("#%d: its primary #%d is %s%s", i, r.Primary, describe(roles[r.Primary]), dump())
		}
		if r.Env != "" {
			if r.Rank != Secondary || r.Env == p.Env {
				t.Fatalf("#%d: %s reads $%s%s", i, describe(r), r.Env, dump())
			}
			key := fmt.Sprint(group(i), r.Env)
			if j, ok := vars[key]; ok && portOrigin(&p.Servers[j]) != portOrigin(&s) {
				t.Fatalf("#%d and #%d read $%s, and no one edit fixes both%s", j, i, r.Env, dump())
			}
			vars[key] = i
		}
		if r.Clash >= 0 {
			e := p.Servers[r.Clash]
			if e.Func != s.Func || !e.Func.IsValid() || e.Start > s.Start || !e.Background || s.Elsewhere || e.Elsewhere ||
				!e.Transport.Overlaps(s.Transport) || !slices.Contains(e.Ports, r.ClashOn) || !slices.Contains(s.Ports, r.ClashOn) {
				t.Fatalf("#%d clashes with #%d on %s%s", i, r.Clash, r.ClashOn, dump())
			}
		}
	}
	for _, ps := range primaries {
		if len(ps) < 2 {
			continue
		}
		// Several primaries are servers main waits on one after the
		// other: none runs in the background or may start anywhere.
		for _, i := range ps {
			s := p.Servers[i]
			if s.Background || p.Command && (!s.Placed || s.ListenerOnly) {
				t.Fatalf("#%d is one of the primaries %v, and can run beside them%s", i, ps, dump())
			}
		}
	}
}
