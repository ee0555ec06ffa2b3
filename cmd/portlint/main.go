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
	"github.com/portlint/portlint/analyzer"
	"golang.org/x/tools/go/analysis/singlechecker"
)

func main() { singlechecker.Main(analyzer.Analyzer) }
