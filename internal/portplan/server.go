package portplan

import (
	"go/token"

	"github.com/portlint/portlint/internal/addrval"
)

// Program is what the plan is decided over: the servers of one package.
type Program struct {
	// Command is set for package main: one program, where a library's
	// functions are each planned alone.
	Command bool
	// Package is the package's name: in a library it names the servers
	// (package metrics → METRICS_PORT) and can say they are auxiliary.
	Package string
	Env     string // the platform's variable, PORT
	// Taken are the environment variables the package already reads by
	// name: a secondary is never told to read one (after one fix, the
	// next server would be given the variable the first now reads).
	Taken []string
	// Servers are the package's servers, in the order of its files and
	// their text: where every server runs in the background, the first
	// is the primary.
	Servers []Server
}

// Server is one server (or listen site) of the program: where it starts,
// how it runs, and its address.
type Server struct {
	// At is where its address is written (the listen site); Via, for a
	// value passed to a sink, is the listen site that made the sink.
	At, Via token.Pos
	// Func is the function declaration holding its start (or NoPos),
	// within which servers running at once can collide; Start is where
	// it starts serving, which orders them, and Branches the if/else and
	// case arms it lies in.
	Func     token.Pos
	Start    token.Pos
	Branches []Branch
	// StartedBy is, for a construction that a later call starts
	// (s := api.New(…); s.Run()), that call: the servers one call starts
	// run at once, so only one of them can be what main waits on.
	StartedBy token.Pos
	// Unreached: in a command, a server of a function nothing calls,
	// which never starts beside main's.
	Unreached bool
	// Placed is set when its start is seen (srv.ListenAndServe(),
	// http.Serve(ln, h)); a server held in a package variable or built by
	// a helper may start anywhere.
	Placed bool
	// Background is set when its function does not wait on it: it is
	// started in a goroutine, it is another package's server that does
	// not block, or a later call the analyzer cannot place starts it.
	Background bool
	// ListenerOnly is set for a listener whose serving is not seen
	// (ln, _ := net.Listen(…) handed to code that is not in view).
	ListenerOnly bool
	// Elsewhere is set when a later call the analyzer cannot place starts
	// it (a constructor's argument): it may never run beside the others.
	Elsewhere bool
	// FeedsSink is set for a listen site whose address is a parameter or
	// a field (a sink): its server is the one each use of the sink starts.
	FeedsSink bool
	// FromFact is set for a call of another package's function that
	// starts a server: it is planned with the others, never fixed here.
	FromFact bool
	// Debug is set for a loopback server of debugging handlers only
	// (net/http/pprof, expvar): it is never published.
	Debug bool
	Test  bool // in a _test.go file: not the program's

	// Reads are the configured values its address is built from (the
	// variables, by where each is declared): a condition on one of them
	// can say the value is absent.
	Reads []token.Pos

	Alts []addrval.Alt // the addresses that can reach it
	// Ports are the ports it can take, as the program spells them:
	// "port 8080" for a constant, "$PORT" for a variable (a default read
	// beside a variable is a constant port too).
	Ports     []string
	Transport addrval.Transport
	// Names are the names its code gives it, most telling first: the
	// constant or variable holding its address, its server or listener
	// variable, the function serving it.
	Names []string
}

// Branch is one if/else or switch arm that a server's start lies in: the
// statement (At) and which of its arms (Arm). Two servers whose starts lie
// in different arms of one statement never run at once.
type Branch struct {
	At token.Pos // the if statement, or the body of the switch or select
	// Arm is, for an if, 0 in its body and 1 in its else branch or, when
	// its body exits (return, log.Fatal), after it; for a switch or
	// select, the clause's position.
	Arm token.Pos
	// Tests is the configured value (as in Server.Reads) the statement's
	// condition tests for absence (v == "", !ok of v, ok :=
	// os.LookupEnv(…), v != "", switch v { case "": }), NoPos for none;
	// Absent is the arm taken when it is absent.
	Tests, Absent token.Pos
}

// Rank is a server's place in its program.
type Rank uint8

const (
	Primary   Rank = iota // the server the platform routes $PORT to
	Secondary             // any other server; its port is its own
	Debug                 // a loopback debugging endpoint, private by design
	// Default: the server a configured one falls back to when its value
	// is absent, as cmp.Or falls back to its last argument: not reported.
	Default
)

// Role is what the plan says of one server.
type Role struct {
	Rank Rank
	// Env is the variable a secondary's fix reads; empty when it shares
	// the primary's address or its port is not hard-coded.
	Env     string
	Primary int // a secondary's primary (an index into Servers), or -1
	// Clash is an earlier server of its function that can hold the same
	// port while this one starts, or -1; ClashOn says what they share:
	// "port 8080", "$PORT".
	Clash   int
	ClashOn string
}
