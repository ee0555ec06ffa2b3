package addrval

import (
	"slices"
	"strconv"
	"strings"
)

// Finding is what a listen site is reported for, if anything.
type Finding struct {
	Port, Loopback bool
}

// Any reports whether the site is reported at all.
func (f Finding) Any() bool { return f.Port || f.Loopback }

// Classify decides what the alternatives reaching a site are reported
// for: a part only when every alternative has it constant (a valid port,
// a loopback host). An ephemeral port (an internal listener on any free
// port) or one net.Listen would reject silences the whole site.
func Classify(alts []Alt) Finding {
	if len(alts) == 0 {
		return Finding{}
	}
	f := Finding{Port: true, Loopback: true}
	for _, a := range alts {
		if a.HasPort && a.Port.Known && (PortIsEphemeral(a.Port.Text) || !ValidPort(a.Port.Text)) {
			return Finding{}
		}
		if !a.HasPort || !a.Port.Known {
			f.Port = false
		}
		if !a.Host.Known || !HostIsLoopback(a.Host.Text) {
			f.Loopback = false
		}
	}
	return f
}

// Distinct lists, for a message, the distinct ports and quoted hosts of
// the parts f reports, in the order they first appear: "8080 or 8081"
// and `"localhost" or "127.0.0.1"`.
func Distinct(alts []Alt, f Finding) (ports, hosts string) {
	var ps, hs []string
	for _, a := range alts {
		if p := a.Port.Text; f.Port && !slices.Contains(ps, p) {
			ps = append(ps, p)
		}
		if h := strconv.Quote(a.Host.Text); f.Loopback && !slices.Contains(hs, h) {
			hs = append(hs, h)
		}
	}
	return strings.Join(ps, " or "), strings.Join(hs, " or ")
}
