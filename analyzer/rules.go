package analyzer

import (
	"maps"
	"strings"

	"github.com/portlint/portlint/internal/portplan"
)

// addrShape says how a listen API receives its address.
type addrShape uint8

const (
	// shapeString: a "host:port" string.
	shapeString addrShape = iota
	// shapeIPPort: a *net.TCPAddr or *net.UDPAddr (IP and Port fields).
	shapeIPPort
	// shapeIPOnly: a *net.IPAddr (no port: only the host can be loopback).
	shapeIPOnly
)

// callRule describes one listen API: a function or method, by the full
// name types.Func.FullName prints, and where its arguments are.
type callRule struct {
	fn string // e.g. "net/http.ListenAndServe", "(*net.ListenConfig).Listen"
	// addr is the index of the address argument. A call without one is
	// not a listen site: the API then finds its address itself (gin's
	// r.Run(), beego's web.Run()).
	addr    int
	network int       // index of the network argument, or -1 if it has none
	shape   addrShape // how the address is passed
	// emptyPort is the port an empty address stands for, if any.
	emptyPort string
	// handler is the index of the handler argument, or 0 if it has none:
	// a nil handler serves http.DefaultServeMux.
	handler int
	// transport is what an API without a network argument listens on;
	// newRuleSet makes an unset one TCP, as HTTP servers listen.
	transport portplan.Transport
}

// fieldRule describes an address field of a server type: setting it is a
// listen site, since the server may be started anywhere.
type fieldRule struct {
	typ   string // package path + "." + type name, e.g. "net/http.Server"
	field string // e.g. "Addr"
	// listeners are the methods that listen on the field. A local server
	// value that never calls one (srv.Serve(l) takes a listener instead)
	// ignores its address, so setting it is not a listen site.
	listeners []string
	transport portplan.Transport // unset: TCP, as for callRule
}

// implicitRule describes a call that starts a server on a default port
// unless its address is set (see implicit.go).
type implicitRule struct {
	fn   string // the call, by full name as for callRule
	kind implicitKind
	port string // the default port
	// implicitField: the address field of the receiver.
	field string
	// implicitOption: the option that sets the address, and options that
	// make the address moot (a listener, another network).
	option string
	moot   []string
}

type implicitKind uint8

const (
	// implicitField: a method that listens on its receiver's address field.
	implicitField implicitKind = iota
	// implicitOption: a constructor whose options may set the address.
	implicitOption
)

// ruleRows are one family's rules, as data: the standard library's below,
// the frameworks' in rules_frameworks.go.
type ruleRows struct {
	calls    []callRule
	fields   []fieldRule
	implicit []implicitRule
	// envReaders are the functions that read one environment variable by
	// name, by full name.
	envReaders []string
	// addrStructs are the address structs a listener can take, by type,
	// with the field holding the port ("" for one without a port), and
	// addrResolvers the functions that parse one from "host:port"
	// (net.ResolveTCPAddr(network, addr)).
	addrStructs   map[string]string
	addrResolvers []string
	// serves are the calls that serve HTTP on a ready listener, with the
	// index of their handler argument; debugPkgs the packages that
	// register debugging handlers on http.DefaultServeMux when imported.
	serves    map[string]int
	debugPkgs []string
}

var stdRules = ruleRows{
	// The listeners. Clients (net.Dial, http.Get) and listener-taking
	// calls (http.Serve, (*http.Server).Serve) are deliberately absent.
	// Inference starts from these rows, so it finds none by itself; given
	// the others, it finds net.Listen, net.ListenPacket, tls.Listen,
	// http.ListenAndServe(TLS) and http.Server.Addr (TestRulesInferred).
	// The ListenConfig methods are leaves (system calls below), and the
	// address-struct calls take no string.
	calls: []callRule{
		{fn: "net.Listen", addr: 1, network: 0},
		{fn: "net.ListenPacket", addr: 1, network: 0},
		{fn: "net.ListenTCP", addr: 1, network: 0, shape: shapeIPPort},
		{fn: "net.ListenUDP", addr: 1, network: 0, shape: shapeIPPort},
		{fn: "net.ListenIP", addr: 1, network: 0, shape: shapeIPOnly},
		{fn: "(*net.ListenConfig).Listen", addr: 2, network: 1},
		{fn: "(*net.ListenConfig).ListenPacket", addr: 2, network: 1},
		{fn: "crypto/tls.Listen", addr: 1, network: 0},
		{fn: "net/http.ListenAndServe", addr: 0, network: -1, emptyPort: "80", handler: 1},     // "" means ":http"
		{fn: "net/http.ListenAndServeTLS", addr: 0, network: -1, emptyPort: "443", handler: 3}, // "" means ":https"
	},
	fields: []fieldRule{
		{typ: "net/http.Server", field: "Addr", listeners: []string{"ListenAndServe", "ListenAndServeTLS"}},
	},
	// An http.Server whose Addr is never set listens on :http, or :https
	// with TLS.
	implicit: []implicitRule{
		{fn: "(*net/http.Server).ListenAndServe", kind: implicitField, field: "Addr", port: "80"},
		{fn: "(*net/http.Server).ListenAndServeTLS", kind: implicitField, field: "Addr", port: "443"},
	},
	envReaders: []string{"os.Getenv", "os.LookupEnv", "syscall.Getenv"},
	addrStructs: map[string]string{
		"net.TCPAddr": "Port",
		"net.UDPAddr": "Port",
		"net.IPAddr":  "",
	},
	addrResolvers: []string{"net.ResolveTCPAddr", "net.ResolveUDPAddr", "net.ResolveIPAddr"},
	serves:        map[string]int{"net/http.Serve": 1, "net/http.ServeTLS": 1},
	debugPkgs:     []string{"net/http/pprof", "expvar"},
}

var defaultRules = newRuleSet(stdRules, frameworkRules)

// ruleSet indexes the rules for lookup during the pass: every table the
// pass consults is here.
type ruleSet struct {
	calls    map[string]callRule
	implicit map[string]implicitRule
	fields   map[string]map[string]fieldRule // type -> field -> rule
	pkgs     map[string]bool                 // packages that declare a listen API
	// names are the bare names of the listen and implicit-port functions,
	// a cheap filter before resolving a call's callee; fieldNames likewise
	// for the fields of server values.
	names, fieldNames map[string]bool

	envReaders map[string]bool // by full name
	envPkgs    map[string]bool // the packages declaring them
	envNames   map[string]bool // their bare names, a filter like names

	addrStructs   map[string]string // type -> port field
	addrResolvers map[string]bool
	serves        map[string]int
	debugPkgs     map[string]bool
}

func newRuleSet(families ...ruleRows) *ruleSet {
	rs := &ruleSet{
		calls:      make(map[string]callRule),
		implicit:   make(map[string]implicitRule),
		fields:     make(map[string]map[string]fieldRule),
		pkgs:       make(map[string]bool),
		names:      make(map[string]bool),
		fieldNames: make(map[string]bool),
		envReaders: make(map[string]bool),
		envPkgs:    make(map[string]bool),
		envNames:   make(map[string]bool),

		addrStructs:   make(map[string]string),
		addrResolvers: make(map[string]bool),
		serves:        make(map[string]int),
		debugPkgs:     make(map[string]bool),
	}
	for _, rows := range families {
		for _, r := range rows.calls {
			if _, dup := rs.calls[r.fn]; dup {
				panic("portlint: duplicate rule " + r.fn)
			}
			if r.network < 0 && r.transport == 0 {
				r.transport = portplan.TCP
			}
			rs.calls[r.fn] = r
			rs.pkgs[pkgOfFullName(r.fn)] = true
			rs.names[bareName(r.fn)] = true
		}
		for _, r := range rows.fields {
			if rs.fields[r.typ] == nil {
				rs.fields[r.typ] = make(map[string]fieldRule)
			}
			if r.transport == 0 {
				r.transport = portplan.TCP
			}
			rs.fields[r.typ][r.field] = r
			rs.fieldNames[r.field] = true
			rs.pkgs[pkgOfFullName(r.typ)] = true
		}
		for _, r := range rows.implicit {
			if _, dup := rs.implicit[r.fn]; dup {
				panic("portlint: duplicate rule " + r.fn)
			}
			rs.implicit[r.fn] = r
			rs.pkgs[pkgOfFullName(r.fn)] = true
			rs.names[bareName(r.fn)] = true
		}
		maps.Copy(rs.addrStructs, rows.addrStructs)
		maps.Copy(rs.serves, rows.serves)
		for _, p := range rows.debugPkgs {
			rs.debugPkgs[p] = true
		}
		for _, fn := range rows.addrResolvers {
			rs.addrResolvers[fn] = true
		}
		for _, fn := range rows.envReaders {
			rs.envReaders[fn] = true
			rs.envPkgs[pkgOfFullName(fn)] = true
			rs.envNames[bareName(fn)] = true
		}
	}
	// Implicit rules are looked up first, so a function with both kinds
	// would never reach its call rule.
	for fn := range rs.implicit {
		if _, dup := rs.calls[fn]; dup {
			panic("portlint: duplicate rule " + fn)
		}
	}
	return rs
}

// bareName returns the name of a function from its full name: Run for
// "(*github.com/gin-gonic/gin.Engine).Run".
func bareName(fn string) string { return fn[strings.LastIndexByte(fn, '.')+1:] }

// pkgOfFullName extracts the package path from a types.Func full name:
// "net/http.ListenAndServe" and "(*net/http.Server).ListenAndServe" both
// give "net/http".
func pkgOfFullName(fn string) string {
	if recv, ok := strings.CutPrefix(fn, "("); ok {
		fn, _, _ = strings.Cut(strings.TrimPrefix(recv, "*"), ")")
	}
	return fn[:lastDot(fn)]
}

// lastDot returns the index of the dot that ends the package path in
// "path.Name": the last dot after the last slash (gopkg.in/yaml.v3.Node),
// or len(s) if there is none.
func lastDot(s string) int {
	if dot := strings.LastIndexByte(s, '.'); dot > strings.LastIndexByte(s, '/') {
		return dot
	}
	return len(s)
}
