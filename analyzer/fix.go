package analyzer

import "golang.org/x/tools/go/analysis"

func (c *checker) fixes(s site, f finding) []analysis.SuggestedFix { return nil }
