// package resolve follows an address expression back through the source
// of one package: constants, variables (all their definitions), struct
// fields, +, fmt.Sprintf, net.JoinHostPort, strconv.Itoa, helpers'
// returns (across packages, facts), address structs and frozen tables. A
// parameter or field whose value is not known is a named hole that a
// caller's value can later replace. Each resolution is a Val: the values
// (internal/addrval) and how they were built, which fixes and the
// program analysis read. Cycles resolve to nothing (the least fixed
// point).
package resolve
