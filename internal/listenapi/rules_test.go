package listenapi

import (
	"go/types"
	"slices"
	"strings"
	"testing"

	"github.com/portlint/portlint/internal/addrval"
)

func TestPkgOfFullName(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"net.Listen", "net"},
		{"net/http.ListenAndServe", "net/http"},
		{"(*net/http.Server).ListenAndServe", "net/http"},
		{"(net/http.Header).Get", "net/http"},
		{"(*github.com/labstack/echo/v4.Echo).Start", "github.com/labstack/echo/v4"},
		{"github.com/quic-go/quic-go.ListenAddr", "github.com/quic-go/quic-go"},
		{"gopkg.in/yaml.v3.Unmarshal", "gopkg.in/yaml.v3"}, // the last dot ends the path
		{"(*gopkg.in/yaml.v3.Node).Decode", "gopkg.in/yaml.v3"},
		{"net/http.Server", "net/http"}, // a type name works too
		{"example.com/nodot", "example.com/nodot"},
		{"main", "main"},
		{"", ""},
	} {
		if got := PkgOfFullName(tc.in); got != tc.want {
			t.Errorf("pkgOfFullName(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestBareName(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"net.Listen", "Listen"},
		{"(*github.com/gin-gonic/gin.Engine).Run", "Run"},
		{"gopkg.in/yaml.v3.Unmarshal", "Unmarshal"},
	} {
		if got := BareName(tc.in); got != tc.want {
			t.Errorf("BareName(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestIndex checks that every row of the default table is found by the
// lookups the pass makes: its package, its bare name, its full name.
func TestIndex(t *testing.T) {
	rs := DefaultRules
	for _, rows := range []RuleRows{StdRules, FrameworkRules} {
		for _, r := range rows.Calls {
			if _, ok := rs.Calls[r.Fn]; !ok || !rs.Pkgs[PkgOfFullName(r.Fn)] || !rs.Declares(PkgOfFullName(r.Fn), BareName(r.Fn)) {
				t.Errorf("call rule %s is not indexed", r.Fn)
			}
			if r.Addr < 0 || r.Network >= 0 && r.Network == r.Addr {
				t.Errorf("call rule %s: address argument %d, network %d", r.Fn, r.Addr, r.Network)
			}
		}
		for _, r := range rows.Fields {
			// A configuration handed on by value (nbio.Config) has no
			// listener method; its network field says where it listens.
			if _, ok := rs.Fields[r.Typ][r.Field]; !ok || !slices.Contains(rs.Index().Fields[r.Field], PkgOfFullName(r.Typ)) || len(r.Listeners) == 0 && r.Network == "" {
				t.Errorf("field rule %s.%s is not indexed, or has no listener", r.Typ, r.Field)
			}
		}
		for _, r := range rows.Implicit {
			if _, ok := rs.Implicit[r.Fn]; !ok || !rs.Declares(PkgOfFullName(r.Fn), BareName(r.Fn)) {
				t.Errorf("implicit rule %s is not indexed", r.Fn)
			}
		}
	}
	net, sig := types.NewPackage("net", "net"), types.NewSignatureType(nil, nil, nil, nil, nil, false)
	if r, ir := rs.RuleOf(types.NewFunc(0, net, "Listen", sig)); r == nil || r.Fn != "net.Listen" || ir != nil {
		t.Errorf("RuleOf(net.Listen) = %v, %v, want its call rule", r, ir)
	}
	if r, ir := rs.RuleOf(types.NewFunc(0, net, "Dial", sig)); r != nil || ir != nil {
		t.Errorf("RuleOf(net.Dial) = %v, %v, want neither", r, ir)
	}
	if rs.Declares("net/http", "Run") || rs.Declares("github.com/tidwall/evio", "ListenAndServe") {
		t.Error("Declares: a name is declared by the package of its row only")
	}
	for _, fn := range StdRules.EnvReaders {
		if !rs.EnvReaders[fn] || !rs.EnvPkgs[PkgOfFullName(fn)] || !rs.EnvNames[BareName(fn)] {
			t.Errorf("environment reader %s is not indexed", fn)
		}
	}
}

// TestTransport checks that a row without a network argument listens on
// TCP unless it says otherwise, and that one with a network argument
// leaves it to the argument.
func TestTransport(t *testing.T) {
	rs := NewRuleSet(RuleRows{
		Calls: []CallRule{
			{Fn: "example.com/h.Serve", Addr: 0, Network: -1},
			{Fn: "example.com/h.ServeQUIC", Addr: 0, Network: -1, Transport: addrval.UDP},
			{Fn: "example.com/h.Listen", Addr: 1, Network: 0},
		},
		Fields: []FieldRule{
			{Typ: "example.com/h.Server", Field: "Addr", Listeners: []string{"Start"}},
			{Typ: "example.com/h.Config", Field: "Addrs", List: true, Network: "Network"},
		},
	})
	for fn, want := range map[string]addrval.Transport{
		"example.com/h.Serve":     addrval.TCP,
		"example.com/h.ServeQUIC": addrval.UDP,
		"example.com/h.Listen":    0,
	} {
		if got := rs.Calls[fn].Transport; got != want {
			t.Errorf("%s: transport %d, want %d", fn, got, want)
		}
	}
	if got := rs.Fields["example.com/h.Server"]["Addr"].Transport; got != addrval.TCP {
		t.Errorf("a field rule listens on %d, want TCP", got)
	}
	if got := rs.Fields["example.com/h.Config"]["Addrs"].Transport; got != 0 {
		t.Errorf("a field rule with a network field listens on %d, want what the network says (0)", got)
	}
}

func TestDuplicateRule(t *testing.T) {
	defer func() {
		if r := recover(); r == nil || !strings.Contains(r.(string), "duplicate rule net.Listen") {
			t.Errorf("a duplicate row: recovered %v, want a panic naming it", r)
		}
	}()
	NewRuleSet(StdRules, RuleRows{Calls: []CallRule{{Fn: "net.Listen", Addr: 1, Network: 0}}})
}
