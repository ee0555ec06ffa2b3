package portplan

import (
	"fmt"
	"go/token"
	"strings"
	"testing"

	"github.com/portlint/portlint/internal/addrval"
)

// The port plan, rule by rule, as docs/checks.md states them under "One
// port per program" and "Port collision". A row is a program: its
// servers, written in the order of the source, and the role the plan
// gives each, written as
//
//	primary | secondary [$VAR] [of #i] | debug, then [clashes with #j on WHAT]
//
// Server positions are their indices: a server's address is written at
// 10*(i+1), and it starts there too unless the row says otherwise.

// srv builds a server listening on addr ("host:port"; "?" for a part not
// known), started where its address is, in main (Func 1), seen and
// blocking. A constant port is one it can take.
func srv(addr string, opts ...func(*Server)) Server {
	host, port, _ := strings.Cut(addr, ":")
	s := Server{Func: 1, Placed: true, Transport: addrval.TCP}
	a := addrval.Alt{HasPort: true}
	if host != "?" {
		a.Host = addrval.Part{Text: host, Known: true}
	}
	if port != "?" {
		a.Port = addrval.Part{Text: port, Known: true}
		s.Ports = []string{"port " + port}
	}
	s.Alts = []addrval.Alt{a}
	for _, o := range opts {
		o(&s)
	}
	return s
}

var (
	bg       = func(s *Server) { s.Background = true }
	unplaced = func(s *Server) { s.Placed = false }
	listener = func(s *Server) { s.ListenerOnly = true }
	feeder   = func(s *Server) { s.FeedsSink = true }
	fromFact = func(s *Server) { s.FromFact = true }
	debug    = func(s *Server) { s.Debug = true }
	inTest   = func(s *Server) { s.Test = true }
	udp      = func(s *Server) { s.Transport = addrval.UDP }
	anyProto = func(s *Server) { s.Transport = 0 }
	later    = func(s *Server) { s.Elsewhere = true }
	dead     = func(s *Server) { s.Unreached = true }
)

func names(n ...string) func(*Server) { return func(s *Server) { s.Names = n } }

// reads sets the ports a server can take: variables and defaults.
func reads(ports ...string) func(*Server) { return func(s *Server) { s.Ports = ports } }

// inFunc puts a server's start in another function.
func inFunc(fn token.Pos) func(*Server) { return func(s *Server) { s.Func = fn } }

// startsAt moves a server's start, which orders a function's servers.
func startsAt(pos token.Pos) func(*Server) { return func(s *Server) { s.Start = pos } }

// in puts a server's start in arms of if or switch statements.
func in(branches ...Branch) func(*Server) { return func(s *Server) { s.Branches = branches } }

// configured says which configured values (variables, by where they are
// declared) a server's address reads.
func configured(values ...token.Pos) func(*Server) { return func(s *Server) { s.Reads = values } }

// absent is an arm of the if or switch statement at 5 whose condition
// tests the variable declared at 3 for absence; the arm taken when it is
// absent is absentArm.
func absent(arm, absentArm token.Pos) Branch {
	return Branch{At: 5, Arm: arm, Tests: 3, Absent: absentArm}
}

// startedBy makes a server a construction that the call at pos starts.
func startedBy(pos token.Pos) func(*Server) { return func(s *Server) { s.StartedBy = pos } }

// via makes a server a use of the sink that server #i's site made.
func via(i int) func(*Server) { return func(s *Server) { s.Via = token.Pos(10 * (i + 1)) } }

// portAt says where a server's port is written: servers whose ports are
// written in one place are fixed by one edit.
func portAt(pos token.Pos) func(*Server) { return func(s *Server) { s.Alts[0].Port.Pos = pos } }

type row struct {
	name    string
	library string // the package's name; empty for a command
	taken   []string
	servers []Server
	want    []string
}

func (r row) program() Program {
	p := Program{Command: r.library == "", Package: r.library, Env: "PORT", Taken: r.taken, Servers: r.servers}
	if p.Command {
		p.Package = "main"
	}
	for i := range p.Servers {
		s := &p.Servers[i]
		s.At = token.Pos(10 * (i + 1))
		if s.Start == 0 {
			s.Start = s.At
		}
		for j := range s.Alts {
			if s.Alts[j].Port.Known && s.Alts[j].Port.Pos == 0 {
				s.Alts[j].Port.Pos = s.At
			}
		}
	}
	return p
}

func describe(r Role) string {
	var b strings.Builder
	b.WriteString([]string{"primary", "secondary", "debug", "default"}[r.Rank])
	if r.Env != "" {
		b.WriteString(" $" + r.Env)
	}
	if r.Primary >= 0 {
		fmt.Fprintf(&b, " of #%d", r.Primary)
	}
	if r.Clash >= 0 {
		fmt.Fprintf(&b, ", clashes with #%d on %s", r.Clash, r.ClashOn)
	}
	return b.String()
}

func runRows(t *testing.T, rows []row) {
	t.Helper()
	for _, r := range rows {
		t.Run(r.name, func(t *testing.T) {
			roles := Decide(r.program())
			var got []string
			for _, role := range roles {
				got = append(got, describe(role))
			}
			if strings.Join(got, "\n") != strings.Join(r.want, "\n") {
				t.Errorf("roles:\n\t%s\nwant:\n\t%s", strings.Join(got, "\n\t"), strings.Join(r.want, "\n\t"))
			}
		})
	}
}

// One port per program.
func TestOnePortPerProgram(t *testing.T) {
	runRows(t, []row{
		{
			name:    "the primary is the server main waits on",
			servers: []Server{srv(":9090", bg, names("metricsAddr")), srv(":8080")},
			want:    []string{"secondary $METRICS_PORT of #1", "primary"},
		},
		{
			name:    "a variable the program already reads is not given to a secondary",
			taken:   []string{"METRICS_PORT"},
			servers: []Server{srv(":9090", bg, names("metricsAddr")), srv(":8080")},
			want:    []string{"secondary $METRICS_9090_PORT of #1", "primary"},
		},
		{
			name:    "a listener whose serving is not seen is not what main waits on",
			servers: []Server{srv(":6060", listener), srv(":8080")},
			want:    []string{"secondary $PORT_6060 of #1", "primary"},
		},
		{
			// go runServer(8000); go runServer(8010); runServer(8020), the
			// helper setting its address by an option and running an app:
			// each call is where its server starts (internal/sites, params.go).
			name:    "a helper's call outside a goroutine is the primary, beside its calls in goroutines",
			servers: []Server{srv(":8000", bg, via(5)), srv(":8010", bg, via(5)), srv(":8020", via(5))},
			want:    []string{"secondary $PORT_8000 of #2", "secondary $PORT_8010 of #2", "primary"},
		},
		{
			// func unused() { http.ListenAndServe(os.Getenv("ADDR"), nil) }
			// beside main's servers: it never starts.
			name:    "a server of a function nothing calls is planned alone: never the primary of main's",
			servers: []Server{srv(":?", dead, inFunc(2)), srv(":7000", bg), srv(":8080")},
			want:    []string{"primary", "secondary $PORT_7000 of #2", "primary"},
		},
		{
			name:    "two functions nothing calls are two programs",
			servers: []Server{srv(":9000", dead, inFunc(2)), srv(":9001", bg, dead, inFunc(3)), srv(":9002", bg, dead, inFunc(3))},
			want:    []string{"primary", "primary", "secondary $PORT_9002 of #1"},
		},
		{
			name:    "servers one after the other are all primaries",
			servers: []Server{srv(":8080"), srv(":8081")},
			want:    []string{"primary", "primary"},
		},
		{
			name: "servers in if/else branches are all primaries",
			servers: []Server{
				srv(":8443", in(Branch{At: 5, Arm: 0})),
				srv(":8080", in(Branch{At: 5, Arm: 1})),
			},
			want: []string{"primary", "primary"},
		},
		{
			name: "where a start is not seen, only the servers whose start is seen are primaries",
			servers: []Server{
				srv(":8080", unplaced),
				srv(":8081"),
				srv(":8082", unplaced, names("adminSrv")),
			},
			want: []string{"secondary $PORT_8080 of #1", "primary", "secondary $ADMIN_PORT of #1"},
		},
		{
			name: "where no start is seen, the first whose names do not say it is auxiliary is the primary",
			servers: []Server{
				srv(":9090", unplaced, names("metricsSrv")),
				srv(":8080", unplaced, names("apiSrv")),
				srv(":8081", unplaced, names("webSrv")),
			},
			want: []string{"secondary $METRICS_PORT of #1", "primary", "secondary $WEB_PORT of #1"},
		},
		{
			name:    "where every server runs in a goroutine, the first is the primary",
			servers: []Server{srv(":8080", bg), srv(":9090", bg, names("metricsAddr"))},
			want:    []string{"primary", "secondary $METRICS_PORT of #0"},
		},
		{
			name:    "where every server runs in a goroutine, the first whose names do not say it is auxiliary",
			servers: []Server{srv(":9100", bg, names("metricsAddr")), srv(":1323", bg, names("e"))},
			want:    []string{"secondary $METRICS_PORT of #1", "primary"},
		},
		{
			name:    "where every server runs in a goroutine, one on all interfaces before one on loopback",
			servers: []Server{srv("localhost:6060", bg, names("dbg")), srv(":8080", bg)},
			want:    []string{"secondary $DBG_PORT of #1", "primary"},
		},
		{
			name:    "where every server runs in a goroutine, a loopback one whose start is not seen still counts",
			servers: []Server{srv("localhost:?", bg, unplaced), srv(":?", bg, unplaced)},
			want:    []string{"primary", "secondary of #0"},
		},
		{
			name:    "where every server in a goroutine is auxiliary, the first still",
			servers: []Server{srv(":9100", bg, names("metricsAddr")), srv(":9000", bg, names("adminAddr"))},
			want:    []string{"primary", "secondary $ADMIN_PORT of #0"},
		},
		{
			name:    "constructions one call starts at once: one primary, the first not auxiliary",
			servers: []Server{srv(":8081", names("AdminPort"), startedBy(7)), srv(":8080", names("Port"), startedBy(7))},
			want:    []string{"secondary $ADMIN_PORT of #1", "primary"},
		},
		{
			name:    "constructions one call starts at once: the first when none is auxiliary",
			servers: []Server{srv(":8080", startedBy(7)), srv(":8090", startedBy(7))},
			want:    []string{"primary", "secondary $PORT_8090 of #0"},
		},
		{
			name:    "constructions two calls start stay primaries of their own",
			servers: []Server{srv(":8080", startedBy(7)), srv(":8090", startedBy(9))},
			want:    []string{"primary", "primary"},
		},
		{
			name:    "a server already reading $PORT in a goroutine is the one the platform reaches",
			servers: []Server{srv(":?", bg, reads("$PORT")), srv(":8080")},
			want:    []string{"primary", "secondary $PORT_8080 of #0"},
		},
		{
			// &server{addr: ":3000"} started by app.run(), which serves
			// until it fails: the listen site in run takes the primary's
			// rank, so that its own loopback host is reported.
			name:    "a server type counts by the method that starts it: one main waits on",
			servers: []Server{srv("?:?", feeder), srv(":3000", via(0))},
			want:    []string{"primary", "primary"},
		},
		{
			name:    "a server type counts by the method that starts it: one started in a goroutine",
			servers: []Server{srv("127.0.0.1:?", feeder), srv(":6060", via(0), bg, names("dbg")), srv(":8080")},
			want:    []string{"secondary of #2", "secondary $DBG_PORT of #2", "primary"},
		},
		{
			name: "a secondary's variable is named after the program",
			servers: []Server{
				srv(":9090", bg, names("metricsPort")),
				srv(":7070", bg, names("adminSrv", "serveAdmin")),
				srv(":6061", bg, names("serveStatus")),
				srv(":6060", bg),
				srv(":8080"),
			},
			want: []string{
				"secondary $METRICS_PORT of #4",
				"secondary $ADMIN_PORT of #4",
				"secondary $STATUS_PORT of #4",
				"secondary $PORT_6060 of #4",
				"primary",
			},
		},
		{
			name: "two listeners never get the same variable",
			servers: []Server{
				srv(":9101", bg, names("metricsAddr")),
				srv(":9102", bg, names("metricsAddr")),
				srv(":9102", bg, names("metricsAddr"), portAt(99), inFunc(2)),
				srv(":8080"),
			},
			want: []string{
				"secondary $METRICS_PORT of #3",
				"secondary $METRICS_9102_PORT of #3",
				"secondary $METRICS_9102_3_PORT of #3",
				"primary",
			},
		},
		{
			name:    "a variable never takes the platform's name",
			servers: []Server{srv(":9090", bg, names("port")), srv(":8080")},
			want:    []string{"secondary $PORT_9090 of #1", "primary"},
		},
		{
			name:    "a secondary on loopback whose port is configured gets no variable",
			servers: []Server{srv("127.0.0.1:?", bg), srv(":8080")},
			want:    []string{"secondary of #1", "primary"},
		},
		{
			name:    "servers whose port is written in one place share a variable",
			servers: []Server{srv(":9090", bg, portAt(5)), srv(":9090", bg, portAt(5), inFunc(2)), srv(":8080")},
			want:    []string{"secondary $PORT_9090 of #2", "secondary $PORT_9090 of #2", "primary"},
		},
		{
			name:    "a secondary sharing the primary's address gets no variable",
			servers: []Server{srv(":8080", bg, portAt(5)), srv(":8080", portAt(5), inFunc(2))},
			want:    []string{"secondary of #1", "primary"},
		},
		{
			name:    "debugging endpoints stay private",
			servers: []Server{srv("localhost:6060", bg, debug), srv(":8080")},
			want:    []string{"debug", "primary"},
		},
		{
			name:    "a debugging endpoint is never the primary, even where it is the only server",
			servers: []Server{srv("localhost:6060", debug)},
			want:    []string{"debug"},
		},
		{
			name:    "another package's server that blocks is a primary",
			servers: []Server{srv(":9090", bg), srv("?:?", fromFact, reads("port 8080"))},
			want:    []string{"secondary $PORT_9090 of #1", "primary"},
		},
		{
			name:    "another package's server in the background is never the primary",
			servers: []Server{srv("?:?", fromFact, bg, reads("port 8080")), srv(":9090", bg)},
			want:    []string{"secondary of #1", "primary"},
		},
		{
			name:    "another package's server is never given a variable",
			servers: []Server{srv(":?", bg, reads("$PORT")), srv("?:?", fromFact, reads("port 8080")), srv(":9090")},
			want:    []string{"primary", "secondary of #0", "secondary $PORT_9090 of #0"},
		},
		{
			name:    "a test's server is not the program's",
			servers: []Server{srv(":8081", bg, inTest), srv(":8080", bg)},
			want:    []string{"primary", "primary"},
		},
		{
			// if port == "" { log.Fatal(http.ListenAndServe(":8081", nil)) }
			// log.Fatal(http.ListenAndServe(":"+port, nil))
			name: "a server in the arm taken when a configured value is absent is the default of one reading it",
			servers: []Server{
				srv(":8081", in(absent(0, 0))),
				srv(":?", reads("$PORT"), configured(3), in(absent(1, 0))),
			},
			want: []string{"default", "primary"},
		},
		{
			// if addr != "" { …(addr, nil) } else { …("localhost:8082", nil) }
			name: "the else of a test that the value is set is a default too",
			servers: []Server{
				srv("?:?", configured(3), in(absent(0, 1))),
				srv("localhost:8082", in(absent(1, 1))),
			},
			want: []string{"primary", "default"},
		},
		{
			// switch port { case "": …(":8080", nil); default: …(":"+port, nil) }
			name: "a switch case taken when the value is absent is a default",
			servers: []Server{
				srv(":8080", in(absent(6, 6))),
				srv(":?", configured(3), in(absent(7, 6))),
			},
			want: []string{"default", "primary"},
		},
		{
			name: "a condition on a value no arm's address reads changes nothing",
			servers: []Server{
				srv(":8080", in(absent(0, 0))),
				srv(":?", configured(4), in(absent(1, 0))),
			},
			want: []string{"primary", "primary"},
		},
		{
			name: "a constant in both arms: neither is a default",
			servers: []Server{
				srv(":8080", in(absent(0, 0))),
				srv(":9090", in(absent(1, 0))),
			},
			want: []string{"primary", "primary"},
		},
		{
			name: "the arm taken when the value is set is no default",
			servers: []Server{
				srv(":?", configured(3), in(absent(0, 0))),
				srv(":8080", in(absent(1, 0))),
			},
			want: []string{"primary", "primary"},
		},
		{
			name: "a server in the absent arm reading the value itself is no default",
			servers: []Server{
				srv("10.0.0.1:8080", configured(3), in(absent(0, 0))),
				srv(":?", configured(3), in(absent(1, 0))),
			},
			want: []string{"primary", "primary"},
		},
		{
			name: "a server reading the value outside the statement makes no default",
			servers: []Server{
				srv(":8080", in(absent(0, 0))),
				srv(":?", configured(3), in(Branch{At: 9, Arm: 1})),
			},
			want: []string{"primary", "primary"},
		},
		{
			name: "a secondary's primary is the configured server, not its default",
			servers: []Server{
				srv(":9090", bg, names("metricsAddr")),
				srv(":8080", in(absent(0, 0))),
				srv(":?", configured(3), in(absent(1, 0))),
			},
			want: []string{"secondary $METRICS_PORT of #2", "default", "primary"},
		},
		{
			name:    "in a command, a listen site feeding a sink is never the primary",
			servers: []Server{srv(":8080", feeder), srv(":9090", bg)},
			want:    []string{"secondary $PORT_8080 of #1", "primary"},
		},
	})
}

// One port per program, in a library: it cannot know its program.
func TestOnePortPerLibrary(t *testing.T) {
	runRows(t, []row{
		{
			name:    "library: each function is planned alone",
			library: "server",
			servers: []Server{srv(":8080", bg, inFunc(1)), srv(":8081", bg, inFunc(2))},
			want:    []string{"primary", "primary"},
		},
		{
			name:    "library: a server whose names say it is auxiliary is never its primary",
			library: "server",
			servers: []Server{srv(":9090", names("serveMetrics")), srv(":8080", bg)},
			want:    []string{"secondary $METRICS_PORT of #1", "primary"},
		},
		{
			name:    "library: its package's name says a server is auxiliary and names its variable",
			library: "metrics",
			servers: []Server{srv(":9090")},
			want:    []string{"secondary $METRICS_PORT"},
		},
		{
			name:    "library: a listen site feeding a sink is ranked as any other",
			library: "server",
			servers: []Server{srv(":8080", feeder)},
			want:    []string{"primary"},
		},
		{
			name:    "library: a listener whose serving is not seen can be its primary",
			library: "server",
			servers: []Server{srv(":8080", listener)},
			want:    []string{"primary"},
		},
		{
			name:    "library: an auxiliary server is never its primary, even alone in the background",
			library: "server",
			servers: []Server{srv(":9090", bg, names("debugAddr")), srv(":9091", bg, names("adminAddr"))},
			want:    []string{"secondary $DEBUG_PORT", "secondary $ADMIN_PORT"},
		},
	})
}

// Port collision.
func TestPortCollision(t *testing.T) {
	runRows(t, []row{
		{
			name:    "collision: two servers read one variable",
			servers: []Server{srv(":?", bg, reads("$PORT")), srv(":?", reads("$PORT"))},
			want:    []string{"primary", "secondary of #0, clashes with #0 on $PORT"},
		},
		{
			name:    "collision: a shared default is named before a variable",
			servers: []Server{srv(":?", bg, reads("$PORT", "port 8080")), srv(":?", reads("$PORT", "port 8080"))},
			want:    []string{"primary", "secondary of #0, clashes with #0 on port 8080"},
		},
		{
			name:    "collision: one constant port",
			servers: []Server{srv(":8080", bg), srv(":8080", bg)},
			want:    []string{"primary", "secondary $PORT_8080 of #0, clashes with #0 on port 8080"},
		},
		{
			name:    "collision: reported once, at each later server, with the first it can collide with",
			servers: []Server{srv(":8080", bg), srv(":8080", bg, portAt(5)), srv(":8080", bg, portAt(6))},
			want: []string{
				"primary",
				"secondary $PORT_8080 of #0, clashes with #0 on port 8080",
				"secondary $PORT_8080_2 of #0, clashes with #0 on port 8080",
			},
		},
		{
			name:    "collision: servers are ordered by their start, not their address",
			servers: []Server{srv(":8080", startsAt(50)), srv(":8080", bg, startsAt(40))},
			want:    []string{"primary, clashes with #1 on port 8080", "secondary $PORT_8080 of #0"},
		},
		{
			name:    "collision: localhost is 127.0.0.1",
			servers: []Server{srv("localhost:8080", bg), srv("127.0.0.1:8080")},
			want:    []string{"secondary $PORT_8080 of #1", "primary, clashes with #0 on port 8080"},
		},
		{
			name:    "collision: all interfaces overlaps every host",
			servers: []Server{srv(":8080", bg), srv("10.0.0.1:8080")},
			want:    []string{"secondary $PORT_8080 of #1", "primary, clashes with #0 on port 8080"},
		},
		{
			name:    "collision: a transport not known overlaps both",
			servers: []Server{srv(":8080", bg, udp), srv(":8080", anyProto)},
			want:    []string{"secondary $PORT_8080 of #1", "primary, clashes with #0 on port 8080"},
		},
		{
			name:    "no collision: servers one after the other",
			servers: []Server{srv(":8080"), srv(":8080")},
			want:    []string{"primary", "primary"},
		},
		{
			name:    "no collision: if/else branches",
			servers: []Server{srv(":8080", bg, in(Branch{At: 5, Arm: 0})), srv(":8080", in(Branch{At: 5, Arm: 1}))},
			want:    []string{"secondary $PORT_8080 of #1", "primary"},
		},
		{
			name: "no collision: switch cases",
			servers: []Server{
				srv(":8080", bg, in(Branch{At: 5, Arm: 6})),
				srv(":8080", bg, in(Branch{At: 5, Arm: 7})),
			},
			want: []string{"primary", "secondary $PORT_8080 of #0"},
		},
		{
			name: "collision: in one arm of an if, and after it",
			servers: []Server{
				srv(":8080", bg, in(Branch{At: 5, Arm: 0})),
				srv(":8080"),
			},
			want: []string{"secondary $PORT_8080 of #1", "primary, clashes with #0 on port 8080"},
		},
		{
			name: "collision: the condition and the body of one if",
			servers: []Server{
				srv(":8080", bg, in(Branch{At: 5, Arm: 0})),
				srv(":8080", in(Branch{At: 5, Arm: 0}, Branch{At: 7, Arm: 0})),
			},
			want: []string{"secondary $PORT_8080 of #1", "primary, clashes with #0 on port 8080"},
		},
		{
			name: "collision: arms of two different statements",
			servers: []Server{
				srv(":8080", bg, in(Branch{At: 5, Arm: 0})),
				srv(":8080", in(Branch{At: 7, Arm: 1})),
			},
			want: []string{"secondary $PORT_8080 of #1", "primary, clashes with #0 on port 8080"},
		},
		{
			name:    "no collision: distinct variables",
			servers: []Server{srv(":?", bg, reads("$METRICS_PORT")), srv(":?", reads("$ADMIN_PORT"))},
			want:    []string{"secondary of #1", "primary"},
		},
		{
			name:    "no collision: distinct hosts",
			servers: []Server{srv("10.0.0.1:?", bg, reads("$PORT")), srv("10.0.0.2:?", reads("$PORT"))},
			want:    []string{"primary", "secondary of #0"},
		},
		{
			name:    "no collision: a host that cannot listen overlaps nothing",
			servers: []Server{srv("0:8080", bg), srv(":8080")},
			want:    []string{"secondary $PORT_8080 of #1", "primary"},
		},
		{
			name:    "no collision: a host that cannot listen, after one on all interfaces",
			servers: []Server{srv(":8080", bg), srv("0:8080")},
			want:    []string{"secondary $PORT_8080 of #1", "primary"},
		},
		{
			name:    "collision: a server whose addresses are not seen may bind any host",
			servers: []Server{srv(":?", bg, fromFact, reads("port 8080"), func(s *Server) { s.Alts = nil }), srv("0.0.0.0:8080")},
			want:    []string{"secondary of #1", "primary, clashes with #0 on port 8080"},
		},
		{
			name:    "no collision: addrval.TCP beside addrval.UDP",
			servers: []Server{srv(":?", bg, reads("$ADDR")), srv(":?", udp, reads("$ADDR"))},
			want:    []string{"secondary of #1", "primary"},
		},
		{
			name:    "no collision: servers of different functions",
			library: "server",
			servers: []Server{srv(":8080", bg, inFunc(1)), srv(":8080", inFunc(2))},
			want:    []string{"primary", "primary"},
		},
		{
			name:    "no collision: a server started later by a call that cannot be placed",
			servers: []Server{srv(":8080", bg, later), srv(":8080")},
			want:    []string{"secondary $PORT_8080 of #1", "primary"},
		},
		{
			name:    "no collision: a server at package level",
			servers: []Server{srv(":8080", bg, inFunc(token.NoPos)), srv(":8080", inFunc(token.NoPos))},
			want:    []string{"secondary $PORT_8080 of #1", "primary"},
		},
	})
}

func TestEnvWord(t *testing.T) {
	for _, tc := range []struct{ name, want string }{
		{"metricsAddr", "METRICS"},
		{"serveDebug", "DEBUG"},
		{"grpcLn", "GRPC"},
		{"adminSrv", "ADMIN"},
		{"HTTPServer", ""}, // an acronym is a word of its own
		{"GRPCAddr", "GRPC"},
		{"AdminHTTPAddr", "ADMIN"},
		{"metrics_listen_addr", "METRICS"},
		{"internalAPIPort", "INTERNAL_API"},
		{"API", "API"},
		{"APIv2", "APIV2"}, // a word needs two lower-case letters
		{"UserIDs", "USER_IDS"},
		{"addr", ""},
		{"s", ""},
		{"v2Addr", "V2"},
		{"_9090", ""}, // a word must start with a letter
		{"", ""},
	} {
		if got := envWord(tc.name); got != tc.want {
			t.Errorf("envWord(%q) = %q, want %q", tc.name, got, tc.want)
		}
	}
}
