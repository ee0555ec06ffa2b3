package analyzer

import "strings"

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
	fn      string    // e.g. "net/http.ListenAndServe", "(*net.ListenConfig).Listen"
	addr    int       // index of the address argument
	network int       // index of the network argument, or -1 if it has none
	shape   addrShape // how the address is passed
	// A call with no argument at index addr is fine when optional is set:
	// gin's r.Run() reads $PORT itself, beego's web.Run() its config file.
	optional bool
	// emptyPort is the port an empty address stands for, if any.
	emptyPort string
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
}

// stdCallRules are the standard library's listeners. Clients (net.Dial,
// http.Get) and listener-taking calls (http.Serve, (*http.Server).Serve)
// are deliberately absent.
var stdCallRules = []callRule{
	{fn: "net.Listen", addr: 1, network: 0},
	{fn: "net.ListenPacket", addr: 1, network: 0},
	{fn: "net.ListenTCP", addr: 1, network: 0, shape: shapeIPPort},
	{fn: "net.ListenUDP", addr: 1, network: 0, shape: shapeIPPort},
	{fn: "net.ListenIP", addr: 1, network: 0, shape: shapeIPOnly},
	{fn: "(*net.ListenConfig).Listen", addr: 2, network: 1},
	{fn: "(*net.ListenConfig).ListenPacket", addr: 2, network: 1},
	{fn: "crypto/tls.Listen", addr: 1, network: 0},
	{fn: "net/http.ListenAndServe", addr: 0, network: -1, emptyPort: "80"},     // "" means ":http"
	{fn: "net/http.ListenAndServeTLS", addr: 0, network: -1, emptyPort: "443"}, // "" means ":https"
}

var stdFieldRules = []fieldRule{
	{typ: "net/http.Server", field: "Addr", listeners: []string{"ListenAndServe", "ListenAndServeTLS"}},
}

// ruleSet indexes the rules for lookup during the pass.
type ruleSet struct {
	calls  map[string]callRule
	fields map[string]map[string]fieldRule // type -> field -> rule
	pkgs   map[string]bool                 // packages that declare a listen API
	// names are the bare names of the listen and implicit-port functions,
	// a cheap filter before resolving a call's callee; fieldNames likewise
	// for the fields of server values.
	names, fieldNames map[string]bool
}

func newRuleSet(calls []callRule, fields []fieldRule) *ruleSet {
	rs := &ruleSet{
		calls:  make(map[string]callRule, len(calls)),
		fields: make(map[string]map[string]fieldRule),
		pkgs:   make(map[string]bool),
		names:  make(map[string]bool),

		fieldNames: make(map[string]bool),
	}
	for _, r := range calls {
		if _, dup := rs.calls[r.fn]; dup {
			panic("portlint: duplicate rule " + r.fn)
		}
		rs.calls[r.fn] = r
		rs.pkgs[pkgOfFullName(r.fn)] = true
		rs.names[r.fn[strings.LastIndexByte(r.fn, '.')+1:]] = true
	}
	for fn := range implicitRules {
		rs.names[fn[strings.LastIndexByte(fn, '.')+1:]] = true
	}
	for _, r := range fields {
		if rs.fields[r.typ] == nil {
			rs.fields[r.typ] = make(map[string]fieldRule)
		}
		rs.fields[r.typ][r.field] = r
		rs.fieldNames[r.field] = true
		rs.pkgs[r.typ[:lastDot(r.typ)]] = true
	}
	return rs
}

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

var defaultRules = newRuleSet(append(append([]callRule(nil), stdCallRules...), frameworkCallRules...),
	append(append([]fieldRule(nil), stdFieldRules...), frameworkFieldRules...))
