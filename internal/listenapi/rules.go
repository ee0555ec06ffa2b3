package listenapi

import (
	"go/types"
	"maps"
	"slices"
	"strings"

	"github.com/portlint/portlint/internal/addrval"
)

// AddrShape says how a listen API receives its address.
type AddrShape uint8

const (
	ShapeString AddrShape = iota // a "host:port" string
	ShapeIPPort                  // a *net.TCPAddr or *net.UDPAddr (IP and Port fields)
	ShapeIPOnly                  // a *net.IPAddr (no port: only the host can be loopback)
)

// CallRule describes one listen API: a function or method, by the full
// name types.Func.FullName prints, and where its arguments are.
type CallRule struct {
	Fn string // e.g. "net/http.ListenAndServe", "(*net.ListenConfig).Listen"
	// Addr is the index of the address argument. A call without one is
	// not a listen site: the API then finds its address itself (gin's
	// r.Run(), beego's web.Run()).
	Addr      int
	Network   int       // index of the network argument, or -1 if it has none
	Shape     AddrShape // how the address is passed
	EmptyPort string    // the port an empty address stands for, if any
	// Handler is the index of the handler argument, or 0 if it has none:
	// a nil handler serves http.DefaultServeMux.
	Handler int
	// Transport is what an API without a network argument listens on;
	// NewRuleSet makes an unset one TCP, as HTTP servers listen. A scheme
	// in the address says otherwise ("udp://:9000", addrval.ListensOn).
	Transport addrval.Transport
	// EnvIfNone is the variable the API reads itself when the call
	// passes no address (gin's r.Run() reads $PORT): a server of the
	// program, on that variable's port, never reported.
	EnvIfNone string
	// List is set when the address parameter is a list of addresses
	// listened on at once (evio's addr ...string, gnet's addrs []string):
	// each argument filling the variadic parameter, or each element of a
	// slice literal, is a site.
	List bool
}

// FieldRule describes an address field of a server type: setting it is a
// listen site, since the server may be started anywhere.
type FieldRule struct {
	Typ   string // package path + "." + type name, e.g. "net/http.Server"
	Field string // e.g. "Addr"
	// Listeners are the methods that listen on the field. A local server
	// value that never calls one (srv.Serve(l) takes a listener instead)
	// ignores its address, so setting it is not a listen site.
	Listeners []string
	Transport addrval.Transport // unset: TCP, as for CallRule
	// List is set for a field holding a list of addresses (nbio's Addrs
	// []string): each element of a slice literal is a site.
	List bool
	// Network names the field that holds the network (nbio's Network),
	// if one does: the address is then a site only in a composite literal
	// that sets it, to a TCP or UDP network (an engine without one opens
	// no listener); its value says the transport.
	Network string
}

// ImplicitRule describes a call that starts a server on a default port
// unless its address is set (see implicitCall in internal/sites).
type ImplicitRule struct {
	Fn   string // the call, by full name as for CallRule
	Kind ImplicitKind
	Port string // the default port
	// ImplicitField: the address field of the receiver. ImplicitOption:
	// the option that sets the address, and options that make the
	// address moot (a listener, another network).
	Field  string
	Option string
	Moot   []string
}

type ImplicitKind uint8

const (
	ImplicitField  ImplicitKind = iota // a method listening on its receiver's address field
	ImplicitOption                     // a constructor whose options may set the address
)

// RuleRows are one family's rules, as data: the standard library's below,
// the frameworks' in rules_frameworks.go.
type RuleRows struct {
	Calls    []CallRule
	Fields   []FieldRule
	Implicit []ImplicitRule
	// EnvReaders read one environment variable by name. AddrStructs are
	// the address structs a listener can take, by type, with the field
	// holding the port ("" for none), and AddrResolvers the functions
	// parsing one from "host:port" (net.ResolveTCPAddr(network, addr)).
	EnvReaders    []string
	AddrStructs   map[string]string
	AddrResolvers []string
	// Serves are the calls serving HTTP on a ready listener, with the
	// index of their handler argument; DebugPkgs the packages that
	// register debugging handlers on http.DefaultServeMux when imported.
	Serves    map[string]int
	DebugPkgs []string
	// Exits are the calls that never return (panic aside): an if whose
	// body ends in one guards the statements after it, which are then
	// its else arm.
	Exits []string
}

var StdRules = RuleRows{
	// The listeners. Clients (net.Dial, http.Get) and listener-taking
	// calls (http.Serve, (*http.Server).Serve) are deliberately absent.
	// Inference starts from these rows, so it finds none by itself; given
	// the others, it finds net.Listen, net.ListenPacket, tls.Listen,
	// http.ListenAndServe(TLS) and http.Server.Addr (TestRulesInferred).
	// The ListenConfig methods are leaves (system calls below), and the
	// address-struct calls take no string.
	Calls: []CallRule{
		{Fn: "net.Listen", Addr: 1, Network: 0},
		{Fn: "net.ListenPacket", Addr: 1, Network: 0},
		{Fn: "net.ListenTCP", Addr: 1, Network: 0, Shape: ShapeIPPort},
		{Fn: "net.ListenUDP", Addr: 1, Network: 0, Shape: ShapeIPPort},
		{Fn: "net.ListenIP", Addr: 1, Network: 0, Shape: ShapeIPOnly},
		{Fn: "(*net.ListenConfig).Listen", Addr: 2, Network: 1},
		{Fn: "(*net.ListenConfig).ListenPacket", Addr: 2, Network: 1},
		{Fn: "crypto/tls.Listen", Addr: 1, Network: 0},
		{Fn: "net/http.ListenAndServe", Addr: 0, Network: -1, EmptyPort: "80", Handler: 1},     // "" means ":http"
		{Fn: "net/http.ListenAndServeTLS", Addr: 0, Network: -1, EmptyPort: "443", Handler: 3}, // "" means ":https"
	},
	Fields: []FieldRule{
		{Typ: "net/http.Server", Field: "Addr", Listeners: []string{"ListenAndServe", "ListenAndServeTLS"}},
	},
	// An http.Server whose Addr is never set listens on :http, or :https
	// with TLS.
	Implicit: []ImplicitRule{
		{Fn: "(*net/http.Server).ListenAndServe", Kind: ImplicitField, Field: "Addr", Port: "80"},
		{Fn: "(*net/http.Server).ListenAndServeTLS", Kind: ImplicitField, Field: "Addr", Port: "443"},
	},
	EnvReaders: []string{"os.Getenv", "os.LookupEnv", "syscall.Getenv"},
	AddrStructs: map[string]string{
		"net.TCPAddr": "Port",
		"net.UDPAddr": "Port",
		"net.IPAddr":  "",
	},
	AddrResolvers: []string{"net.ResolveTCPAddr", "net.ResolveUDPAddr", "net.ResolveIPAddr"},
	Serves:        map[string]int{"net/http.Serve": 1, "net/http.ServeTLS": 1},
	DebugPkgs:     []string{"net/http/pprof", "expvar"},
	Exits: []string{
		"os.Exit", "runtime.Goexit", "syscall.Exit",
		"log.Fatal", "log.Fatalf", "log.Fatalln", "log.Panic", "log.Panicf", "log.Panicln",
		"(*log.Logger).Fatal", "(*log.Logger).Fatalf", "(*log.Logger).Fatalln",
		"(*log.Logger).Panic", "(*log.Logger).Panicf", "(*log.Logger).Panicln",
	},
}

var DefaultRules = NewRuleSet(StdRules, FrameworkRules)

// RuleSet indexes the rules for lookup: every table the pass consults.
type RuleSet struct {
	Calls    map[string]CallRule
	Implicit map[string]ImplicitRule
	Fields   map[string]map[string]FieldRule // type -> field -> rule
	Pkgs     map[string]bool                 // packages that declare a listen API

	EnvReaders map[string]bool // by full name
	EnvPkgs    map[string]bool // the packages declaring them
	EnvNames   map[string]bool // their bare names, a filter as Index().Calls is

	AddrStructs   map[string]string // type -> port field
	AddrResolvers map[string]bool
	Serves        map[string]int
	DebugPkgs     map[string]bool
	Exits         map[string]bool // by full name

	index NameIndex
}

func NewRuleSet(families ...RuleRows) *RuleSet {
	rs := &RuleSet{AddrStructs: make(map[string]string), Serves: make(map[string]int)}
	// A function has one rule: implicit rules are looked up first, so one
	// with both kinds would never reach its call rule.
	function := func(fn string, addr int) {
		_, call := rs.Calls[fn]
		if _, implicit := rs.Implicit[fn]; call || implicit {
			panic("portlint: duplicate rule " + fn)
		}
		set(&rs.Pkgs, PkgOfFullName(fn), true)
		rs.index.addFunc(fn, addr)
	}
	for _, rows := range families {
		for _, r := range rows.Calls {
			function(r.Fn, r.Addr)
			if r.Network < 0 && r.Transport == 0 {
				r.Transport = addrval.TCP
			}
			set(&rs.Calls, r.Fn, r)
		}
		for _, r := range rows.Fields {
			if r.Transport == 0 && r.Network == "" {
				r.Transport = addrval.TCP
			}
			put(&rs.Fields, r.Typ, r.Field, r)
			set(&rs.Pkgs, PkgOfFullName(r.Typ), true)
			rs.index.addField(r.Typ, r.Field)
		}
		for _, r := range rows.Implicit {
			function(r.Fn, -1)
			set(&rs.Implicit, r.Fn, r)
		}
		maps.Copy(rs.AddrStructs, rows.AddrStructs)
		maps.Copy(rs.Serves, rows.Serves)
		for m, keys := range map[*map[string]bool][]string{
			&rs.DebugPkgs:     rows.DebugPkgs,
			&rs.Exits:         rows.Exits,
			&rs.AddrResolvers: rows.AddrResolvers,
			&rs.EnvReaders:    rows.EnvReaders,
		} {
			for _, k := range keys {
				set(m, k, true)
			}
		}
		for _, fn := range rows.EnvReaders {
			set(&rs.EnvPkgs, PkgOfFullName(fn), true)
			set(&rs.EnvNames, BareName(fn), true)
		}
	}
	return rs
}

// Declares reports whether package pkg declares a listen or implicit-port
// function or method named name: a filter before the callee's full name,
// which net/http's own Serve calls need not build for gnet's Serve.
func (rs *RuleSet) Declares(pkg, name string) bool {
	return slices.Contains(rs.Index().Calls[name], pkg)
}

// RuleOf returns the call or the implicit rule of fn (a function has at
// most one), or neither; the full name is built only past Declares.
func (rs *RuleSet) RuleOf(fn *types.Func) (*CallRule, *ImplicitRule) {
	if fn.Pkg() == nil || !rs.Declares(fn.Pkg().Path(), fn.Name()) {
		return nil, nil
	}
	full := fn.FullName()
	if r, ok := rs.Implicit[full]; ok {
		return nil, &r
	}
	if r, ok := rs.Calls[full]; ok {
		return &r, nil
	}
	return nil, nil
}

// BareName returns the name of a function from its full name: Run for
// "(*github.com/gin-gonic/gin.Engine).Run".
func BareName(fn string) string { return fn[strings.LastIndexByte(fn, '.')+1:] }

// PkgOfFullName extracts the package path from a types.Func full name:
// "net/http" of "net/http.ListenAndServe", "(*net/http.Server).Close".
func PkgOfFullName(fn string) string {
	if recv, ok := strings.CutPrefix(fn, "("); ok {
		fn, _, _ = strings.Cut(strings.TrimPrefix(recv, "*"), ")")
	}
	return fn[:LastDot(fn)]
}

// LastDot returns the index of the dot that ends the package path in
// "path.Name": the last dot after the last slash (gopkg.in/yaml.v3.Node),
// or len(s) if there is none.
func LastDot(s string) int {
	if dot := strings.LastIndexByte(s, '.'); dot > strings.LastIndexByte(s, '/') {
		return dot
	}
	return len(s)
}
