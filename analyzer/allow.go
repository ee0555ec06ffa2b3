package analyzer

import (
	"fmt"
	"strconv"
	"strings"
)

// allowEntry is one -allow address: a host and a port, either of which
// may be the wildcard "*".
//
//	localhost:6060  exactly that address
//	*:9090          port 9090 on any host
//	localhost:*     any port on localhost
type allowEntry struct {
	host, port string // normalized; "*" matches anything
}

func parseAllow(list []string) ([]allowEntry, error) {
	var out []allowEntry
	for _, raw := range list {
		host, port, ok := splitHostPort(raw)
		switch {
		case !ok:
			return nil, fmt.Errorf("malformed entry %q: want host:port, *:port or host:*", raw)
		case host == "*" && port == "*":
			return nil, fmt.Errorf("entry %q allows every address; remove portlint instead", raw)
		case port == "":
			return nil, fmt.Errorf("entry %q has no port: use %s:* for any port", raw, host)
		case port != "*" && !validPort(port):
			return nil, fmt.Errorf("entry %q has an invalid port %q", raw, port)
		}
		out = append(out, allowEntry{host: normalizeHost(host), port: port})
	}
	return out, nil
}

// validPort accepts 1-65535 or a service name such as "http".
func validPort(p string) bool {
	if strings.Trim(p, "0123456789") == "" {
		n, err := strconv.ParseUint(p, 10, 16)
		return err == nil && n > 0
	}
	for _, r := range p {
		if !(r == '-' || 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9') {
			return false
		}
	}
	return true
}

func normalizeHost(h string) string {
	return strings.TrimSuffix(strings.ToLower(h), ".")
}

func (e allowEntry) matches(a addrAlt) bool {
	if e.host != "*" && (!a.host.known || normalizeHost(a.host.text) != e.host) {
		return false
	}
	return e.port == "*" || a.hasPort && a.port.known && a.port.text == e.port
}

// allowed reports whether every alternative reaching a site matches an
// -allow entry.
func (c *checker) allowed(alts []addrAlt) bool {
	if len(c.allow) == 0 {
		return false
	}
	for _, a := range alts {
		ok := false
		for _, e := range c.allow {
			if e.matches(a) {
				ok = true
				break
			}
		}
		if !ok {
			return false
		}
	}
	return true
}
