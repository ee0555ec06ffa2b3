package analyzer

import "golang.org/x/tools/go/analysis"

// suppressed reports whether a //portlint:ignore directive covers d.
func (c *checker) suppressed(d analysis.Diagnostic) bool { return false }

// allowed reports whether every alternative matches an -allow entry.
func (c *checker) allowed(alts []addrAlt, f finding) bool { return false }
