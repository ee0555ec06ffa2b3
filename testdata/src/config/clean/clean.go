// Package clean imports no listen API: only stale directives are reported.
package clean

//portlint:ignore left over from an old server // want `portlint:ignore suppresses nothing here`
func helper() {}
