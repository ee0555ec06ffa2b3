// Command portlint reports Go servers that listen on a hard-coded port or a
// loopback host, where a container platform cannot reach them.
//
// Usage:
//
//	portlint [-fix] [-diff] [-format=text|json|sarif] [-env=PORT] [-host=0.0.0.0] [-allow=LIST] [-include-tests] packages...
//	go vet -vettool=$(which portlint) [flags] packages...
//	go fix -fixtool=$(which portlint) [flags] packages...
//	portlint -version
//
// Run portlint -help for every flag.
package main

import (
	"fmt"
	"os"
	"strconv"
	"strings"

	"github.com/portlint/portlint/analyzer"
	"github.com/portlint/portlint/internal/driver"
	"github.com/portlint/portlint/internal/driver/depscan"
)

func main() {
	if err := checkOptions(os.Args[1:]); err != nil {
		// One line naming the problem, rather than the flag package's
		// error followed by the whole usage text.
		fmt.Fprintf(os.Stderr, "portlint: %v (see portlint -help)\n", err)
		os.Exit(2)
	}
	// The command computes, and caches, the facts of the dependencies
	// that may wrap a listen API or return an address, where the packages
	// it checks use them, as go vet computes every package's.
	// It also sees the whole module, where go vet sees one package and
	// its dependencies: what no package of it assigns (analyzer.UseModule).
	driver.MainWith(analyzer.Analyzer, driver.Options{
		DepFacts: &driver.DepFacts{
			Pkgs:  depscan.ListenPkgs(),
			Scan:  depscan.Scan,
			Wants: depscan.Wants(analyzer.SeesModule),
		},
		Module: analyzer.UseModule,
		// go vet drops a dependency's diagnostics: compute its facts only.
		VetxOnly: analyzer.FactsOnly,
		// Without -include-tests, a test variant's pass repeats its
		// package's.
		ChecksTests: analyzer.ChecksTests,
	})
}

// driverValueFlags are the flags of the drivers (internal/driver, and
// singlechecker for go vet) that take a value, so that the value of
// "-c 3" is not taken for the first package pattern.
var driverValueFlags = map[string]bool{
	"c": true, "cpuprofile": true, "memprofile": true, "trace": true, "debug": true, "tags": true, "format": true,
}

// checkOptions validates portlint's own flags before the driver parses
// them, so a bad value is reported on one line.
func checkOptions(args []string) error {
	for i := 0; i < len(args); i++ {
		arg := args[i]
		if arg == "--" || !strings.HasPrefix(arg, "-") {
			return nil // flags end at the first package pattern
		}
		name, value, hasValue := strings.Cut(strings.TrimLeft(arg, "-"), "=")
		if analyzer.Analyzer.Flags.Lookup(name) == nil {
			if driverValueFlags[name] && !hasValue {
				i++ // -c 3: skip the driver flag's value
			}
			continue // the driver's own flags are its business
		}
		if name == "include-tests" {
			if _, err := strconv.ParseBool(value); hasValue && err != nil {
				return fmt.Errorf("invalid -include-tests: %q is not a boolean", value)
			}
			continue
		}
		if !hasValue {
			if i+1 >= len(args) {
				return nil // the driver reports the missing value
			}
			i++
			value = args[i]
		}
		if err := analyzer.ValidateOption(name, value); err != nil {
			return fmt.Errorf("invalid -%s: %v", name, err)
		}
	}
	return nil
}
