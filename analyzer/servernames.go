package analyzer

import (
	"cmp"
	"fmt"
	"go/ast"
	"go/types"
	"slices"
	"strings"
	"unicode"

	"golang.org/x/tools/go/ast/edge"
)

// The names a program gives its servers: whether a server is auxiliary
// (metrics, debug, admin…), and the variable a secondary's fix reads,
// named after the program (metricsAddr → METRICS_PORT; see program.go).

// auxiliaryWords name servers that are not a program's app server.
var auxiliaryWords = map[string]bool{
	"METRICS": true, "DEBUG": true, "ADMIN": true, "HEALTH": true, "HEALTHZ": true, "PPROF": true,
	"PROFILE": true, "PROFILER": true, "STATUS": true, "MONITOR": true, "MONITORING": true,
	"TELEMETRY": true, "STATS": true, "STATSD": true, "TRACE": true, "TRACING": true, "EXPVAR": true,
	"PROMETHEUS": true, "PROM": true, "DIAG": true, "DIAGNOSTICS": true, "MGMT": true, "MANAGEMENT": true,
}

// auxiliary reports whether a site's names say its server is an
// auxiliary one: its package, function, server, listener, or the
// constants and variables of its address.
func (c *checker) auxiliary(s *site) bool {
	if s.aux == 0 {
		s.aux = -1
	names:
		for _, name := range append(c.names(s), c.pass.Pkg.Name()) {
			for w := range strings.SplitSeq(envWord(name), "_") {
				if auxiliaryWords[w] {
					s.aux = 1
					break names
				}
			}
		}
	}
	return s.aux > 0
}

// uniqueName makes name distinct from the names taken: METRICS_PORT,
// then METRICS_9091_PORT (with the port), then METRICS_9091_2_PORT.
func uniqueName(name string, s *site, taken map[string]bool) string {
	base, suffix := name, ""
	if b, ok := strings.CutSuffix(name, "_PORT"); ok {
		base, suffix = b+"_"+s.alts[0].Port.Text, "_PORT"
	}
	for i := 1; taken[name]; i++ {
		name = base + suffix
		if i > 1 || suffix == "" {
			name = fmt.Sprintf("%s_%d%s", base, i+1, suffix)
		}
	}
	return name
}

// envName derives a secondary listener's variable from the names the
// program gives it: the constant or variable holding its address or port
// (metricsAddr), its server or listener variable (adminSrv, grpcLn), the
// function serving it (serveDebug), in a library its package (metrics);
// else from its port (PORT_9090).
func (c *checker) envName(s *site) string {
	names := c.names(s)
	if c.pass.Pkg.Name() != "main" {
		names = append(names, c.pass.Pkg.Name())
	}
	for _, n := range names {
		if word := envWord(n); word != "" {
			return word + "_PORT"
		}
	}
	return "PORT_" + s.alts[0].Port.Text
}

// names lists the names a site's code gives its server, most telling
// first.
func (c *checker) names(s *site) []string {
	var names []string
	s.val.each(func(v *val) {
		switch e := ast.Unparen(v.expr).(type) {
		case *ast.Ident:
			names = append(names, e.Name)
		case *ast.SelectorExpr:
			names = append(names, e.Sel.Name)
		case *ast.CallExpr: // a helper: metricsAddr(), config.Metrics()
			if fn := calleeFunc(c.pass.TypesInfo, e); fn != nil && fn.Pkg() != nil && (fn.Pkg() == c.pass.Pkg || strings.Contains(fn.Pkg().Path(), ".")) {
				names = append(names, fn.Name())
			}
		}
	})
	// Names that say they hold an address come first.
	slices.SortStableFunc(names, func(a, b string) int { return cmp.Compare(addressLike(b), addressLike(a)) })
	if s.server != nil {
		names = append(names, s.server.Name())
	}
	if s.creates && s.call != nil {
		if v := c.listenerVar(s.call); v != nil {
			names = append(names, v.Name())
		}
	}
	if s.via != nil {
		if v := c.holderVar(s.expr); v != nil {
			names = append(names, v.Name())
		}
	}
	if fn := s.fn; fn != nil && fn.Name.Name != "main" {
		names = append(names, fn.Name.Name)
	}
	return names
}

// holderVar returns the variable that holds what a value passed to a
// sink builds: admin in admin := server.New(server.Config{Addr: ":9090"}),
// dnsSrv in dnsSrv := &dns.Server{Addr: ":5353"}.
func (c *checker) holderVar(e ast.Expr) *types.Var {
	cur := c.cursor(e)
	for range 6 {
		if !cur.Valid() {
			return nil
		}
		switch cur.ParentEdgeKind() {
		case edge.KeyValueExpr_Value, edge.CompositeLit_Elts, edge.UnaryExpr_X, edge.CallExpr_Args, edge.CallExpr_Fun, edge.SelectorExpr_X, edge.ParenExpr_X:
			cur = cur.Parent()
			continue
		}
		return assignedVar(c.pass.TypesInfo, cur)
	}
	return nil
}

// addressLike is 1 for a name that says it holds an address, else 0.
func addressLike(name string) int {
	n := strings.ToLower(name)
	if strings.Contains(n, "addr") || strings.Contains(n, "port") || strings.Contains(n, "listen") {
		return 1
	}
	return 0
}

// envWord turns metricsAddr, serveDebug or grpcLn into METRICS, DEBUG or
// GRPC: the name in upper snake case without the words that say it is an
// address or a server.
func envWord(name string) string {
	var words []string
	start := 0
	for i, r := range name {
		if i > 0 && (unicode.IsUpper(r) && !unicode.IsUpper(rune(name[i-1])) || r == '_') {
			words = append(words, name[start:i])
			start = i
		}
	}
	words = append(words, name[start:])
	var keep []string
	for _, w := range words {
		w = strings.ToUpper(strings.Trim(w, "_"))
		switch w {
		case "", "ADDR", "ADDRESS", "PORT", "HOST", "LISTEN", "LISTENER", "LN", "L", "SRV", "SERVER", "SERVE",
			"START", "RUN", "NEW", "DEFAULT", "HTTP", "TCP", "BIND", "A", "S":
			continue
		}
		if !unicode.IsLetter(rune(w[0])) {
			continue
		}
		keep = append(keep, w)
	}
	return strings.Join(keep, "_")
}
