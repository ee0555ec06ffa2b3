package analyzer

import (
	"flag"
	"fmt"
	"net/netip"
	"strings"

	"github.com/portlint/portlint/internal/addrval"
	"github.com/portlint/portlint/internal/resolve"
)

// Config holds every user-facing option. Each field has the same name and
// meaning as a command-line flag (-env, -host, -allow, -include-tests) and
// as a golangci-lint plugin setting (env, host, allow, include-tests).
type Config struct {
	Env  string // the environment variable the platform passes the port in
	Host string // the all-interfaces host the suggested fix binds
	// Allow lists addresses that are intentional: host:port exactly, *:port
	// on any host, host:* on any port.
	Allow        []string
	IncludeTests bool // also check _test.go files

	// module is portlint's driver's view of the main module (UseModule),
	// nil under go vet and golangci-lint.
	module    *resolve.Module
	factsOnly bool // the pass runs only for its facts (FactsOnly)
}

// DefaultConfig returns $PORT, 0.0.0.0, nothing allowed, no test files.
func DefaultConfig() Config {
	return Config{Env: "PORT", Host: "0.0.0.0"}
}

// Validate reports the first invalid option, naming it.
func (c Config) Validate() error {
	if err := validateEnv(c.Env); err != nil {
		return fmt.Errorf("env: %w", err)
	}
	if err := validateHost(c.Host); err != nil {
		return fmt.Errorf("host: %w", err)
	}
	if _, err := addrval.ParseAllow(c.Allow); err != nil {
		return fmt.Errorf("allow: %w", err)
	}
	return nil
}

func validateEnv(name string) error {
	if name == "" {
		return fmt.Errorf("empty environment variable name")
	}
	for i, r := range name {
		if !(r == '_' || 'A' <= r && r <= 'Z' || 'a' <= r && r <= 'z' || i > 0 && '0' <= r && r <= '9') {
			return fmt.Errorf("%q is not a valid environment variable name (letters, digits and _, not starting with a digit)", name)
		}
	}
	return nil
}

// validateHost accepts only all-interfaces hosts: the point of the fix is
// to be reachable from outside the container.
func validateHost(host string) error {
	switch a, err := netip.ParseAddr(host); {
	case host == "":
		return fmt.Errorf("empty host (use 0.0.0.0 or ::)")
	case err != nil:
		return fmt.Errorf("%q is not an IP address (use 0.0.0.0 or ::)", host)
	case !a.IsUnspecified():
		return fmt.Errorf("%q is not an all-interfaces address (use 0.0.0.0 or ::)", host)
	}
	return nil
}

// checkedFlag validates a value as it is set, so a bad value is a usage
// error (exit status 2) naming the flag, before any package loads.
type checkedFlag struct {
	get func() string
	set func(string) error
}

func (f checkedFlag) String() string {
	if f.get == nil {
		return "" // the zero value flag.PrintDefaults compares with
	}
	return f.get()
}
func (f checkedFlag) Set(s string) error { return f.set(s) }

// bindFlags registers the options on fs, writing into c.
func bindFlags(fs *flag.FlagSet, c *Config) {
	str := func(p *string, check func(string) error) checkedFlag {
		return checkedFlag{func() string { return *p }, func(s string) error {
			err := check(s)
			if err == nil {
				*p = s
			}
			return err
		}}
	}
	fs.Var(str(&c.Env, validateEnv), "env", "environment variable the platform passes the port in; the fix reads it (e.g. -env=APP_PORT)")
	fs.Var(str(&c.Host, validateHost), "host", "all-interfaces host the fix binds: 0.0.0.0 or :: (e.g. -host=::)")
	allow := func(s string) error {
		var list []string
		for _, e := range strings.Split(s, ",") {
			if e = strings.TrimSpace(e); e != "" {
				list = append(list, e)
			}
		}
		_, err := addrval.ParseAllow(list)
		if err == nil {
			c.Allow = list
		}
		return err
	}
	fs.Var(checkedFlag{func() string { return strings.Join(c.Allow, ",") }, allow}, "allow", "comma-separated intentional addresses: host:port exact, *:port any host, host:* any port\n(e.g. -allow='localhost:6060,*:9090')")
	fs.BoolVar(&c.IncludeTests, "include-tests", c.IncludeTests, "also check _test.go files")
}

// ValidateOption checks the value of one option by its flag name, as the
// flag would on Set, without changing the analyzer.
func ValidateOption(name, value string) error {
	c := DefaultConfig()
	f := flag.NewFlagSet("portlint", flag.ContinueOnError)
	bindFlags(f, &c)
	if f.Lookup(name) == nil {
		return fmt.Errorf("unknown option %q", name)
	}
	return f.Set(name, value)
}
