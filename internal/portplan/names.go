package portplan

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
)

// The names a program gives its servers: whether a server is auxiliary
// (metrics, debug, admin…), and the variable a secondary's fix reads.

// auxiliaryWords name servers that are not a program's app server.
var auxiliaryWords = map[string]bool{
	"METRICS": true, "DEBUG": true, "ADMIN": true, "HEALTH": true, "HEALTHZ": true, "PPROF": true,
	"PROFILE": true, "PROFILER": true, "STATUS": true, "MONITOR": true, "MONITORING": true,
	"TELEMETRY": true, "STATS": true, "STATSD": true, "TRACE": true, "TRACING": true, "EXPVAR": true,
	"PROMETHEUS": true, "PROM": true, "DIAG": true, "DIAGNOSTICS": true, "MGMT": true, "MANAGEMENT": true,
}

// auxiliary reports whether a word of a server's names or its package's
// is an auxiliary one (a command's package, main, names nothing).
func (pl *planner) auxiliary(i int) bool {
	for _, name := range append(slices.Clip(pl.server(i).Names), pl.p.Package) {
		for w := range strings.SplitSeq(envWord(name), "_") {
			if auxiliaryWords[w] {
				return true
			}
		}
	}
	return false
}

// uniqueName makes name distinct from the names taken: METRICS_PORT,
// then METRICS_9091_PORT (with the port), then METRICS_9091_3_PORT; a
// name without the _PORT suffix, PORT_9091, then PORT_9091_2.
func uniqueName(name, port string, taken map[string]bool) string {
	base, suffix := name, ""
	if b, ok := strings.CutSuffix(name, "_PORT"); ok {
		base, suffix = b+"_"+port, "_PORT"
	}
	for i := 1; taken[name]; i++ {
		name = base + suffix
		if i > 1 || suffix == "" {
			name = fmt.Sprintf("%s_%d%s", base, i+1, suffix)
		}
	}
	return name
}

// envWord turns metricsAddr, serveDebug or grpcLn into METRICS, DEBUG or
// GRPC: the name in upper snake case without its addressWords.
func envWord(name string) string {
	var keep []string
	start := 0
	for i, r := range name + "_" { // the "_" ends the last word
		if i == 0 || !(r == '_' || unicode.IsUpper(r) && (!unicode.IsUpper(rune(name[i-1])) || acronymEnds(name, i))) {
			continue
		}
		w := strings.ToUpper(strings.Trim(name[start:i], "_"))
		start = i
		if w != "" && unicode.IsLetter(rune(w[0])) && !addressWords[w] {
			keep = append(keep, w)
		}
	}
	return strings.Join(keep, "_")
}

// addressWords say that a name is an address's or a server's.
var addressWords = map[string]bool{
	"ADDR": true, "ADDRESS": true, "PORT": true, "HOST": true, "LISTEN": true, "LISTENER": true, "LN": true, "L": true,
	"SRV": true, "SERVER": true, "SERVE": true, "START": true, "RUN": true, "NEW": true, "DEFAULT": true,
	"HTTP": true, "TCP": true, "BIND": true, "A": true, "S": true,
}

// acronymEnds reports whether the capital at i, after another, starts a
// word: two lower-case letters follow it (GRPCPort: GRPC, Port; but
// APIv2 and UserIDs stay whole).
func acronymEnds(name string, i int) bool {
	return unicode.IsUpper(rune(name[i-1])) && i+2 < len(name) && unicode.IsLower(rune(name[i+1])) && unicode.IsLower(rune(name[i+2]))
}
