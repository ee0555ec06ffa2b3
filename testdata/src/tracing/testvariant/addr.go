// Package testvariant listens nowhere: its facts are for its importers,
// and its test variant's for nobody (TestTestVariantFacts).
package testvariant

// Addr is an exported variable nothing assigns: it has a VarFact.
var Addr = ":8080"
