// Package typeerrors does not type-check: drivers skip the analysis of such
// packages (portlint does not set RunDespiteErrors) and report the type
// errors instead. integration.TestBadSourceLoadErrors checks the binary;
// analyzer.TestAnalyzeDespiteTypeErrors runs the analyzer on broken code
// anyway.
package typeerrors

import "net/http"

func serve() {
	http.ListenAndServe(":8080", undefinedHandler)
	http.ListenAndServe(undefinedHost+":8081", nil)
}
