// Command portlint reports Go servers that listen on a hard-coded port or a
// loopback host, where a container platform cannot reach them.
//
// Usage:
//
//	portlint [-fix] [-diff] [-json] [-env=PORT] [-host=0.0.0.0] [-allow=LIST] [-include-tests] packages...
//	go vet -vettool=$(which portlint) [flags] packages...
//
// Run portlint -help for every flag.
package main

import (
	"fmt"
	"os"
	"strings"

	"github.com/portlint/portlint/analyzer"
	"golang.org/x/tools/go/analysis/singlechecker"
)

func main() {
	if err := checkOptions(os.Args[1:]); err != nil {
		// One line naming the problem, rather than the flag package's
		// error followed by the whole usage text.
		fmt.Fprintf(os.Stderr, "portlint: %v (see portlint -help)\n", err)
		os.Exit(2)
	}
	singlechecker.Main(analyzer.Analyzer)
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
		f := analyzer.Analyzer.Flags.Lookup(name)
		if f == nil || name == "include-tests" {
			continue // the driver's own flags, and a boolean, are its business
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
