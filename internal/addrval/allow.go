package addrval

import (
	"fmt"
	"slices"
	"strings"
)

// AllowEntry is one -allow address: a host and a port, either of which
// may be the wildcard "*".
//
//	localhost:6060  exactly that address
//	*:9090          port 9090 on any host
//	localhost:*     any port on localhost
type AllowEntry struct {
	Host, Port string // normalized; "*" matches anything
}

// Allow is the -allow list: addresses that are intentional.
type Allow []AllowEntry

// ParseAllow parses the -allow list, rejecting an entry that is not
// host:port, has no port or an invalid one, or allows every address.
func ParseAllow(list []string) (Allow, error) {
	var out Allow
	for _, raw := range list {
		host, port, ok := SplitHostPort(raw)
		switch {
		case !ok:
			return nil, fmt.Errorf("malformed entry %q: want host:port, *:port or host:*", raw)
		case host == "*" && port == "*":
			return nil, fmt.Errorf("entry %q allows every address; remove portlint instead", raw)
		case port == "":
			return nil, fmt.Errorf("entry %q has no port: use %s:* for any port", raw, host)
		case port != "*" && !ValidPort(port):
			return nil, fmt.Errorf("entry %q has an invalid port %q", raw, port)
		}
		out = append(out, AllowEntry{Host: normalizeHost(host), Port: port})
	}
	return out, nil
}

// normalizeHost makes "LocalHost." and "localhost" the same name.
func normalizeHost(h string) string {
	return strings.TrimSuffix(strings.ToLower(h), ".")
}

// matches reports whether e allows a: a non-wildcard part matches only a
// known part.
func (e AllowEntry) matches(a Alt) bool {
	if e.Host != "*" && (!a.Host.Known || normalizeHost(a.Host.Text) != e.Host) {
		return false
	}
	return e.Port == "*" || a.HasPort && a.Port.Known && a.Port.Text == e.Port
}

// Allows reports whether every alternative reaching a site matches an
// entry, so the site is not reported.
func (a Allow) Allows(alts []Alt) bool {
	return len(a) > 0 && !slices.ContainsFunc(alts, func(alt Alt) bool {
		return !slices.ContainsFunc(a, func(e AllowEntry) bool { return e.matches(alt) })
	})
}
