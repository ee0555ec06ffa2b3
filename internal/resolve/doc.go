// package resolve follows an address expression back through the source
// of one package: constants, variables (all their definitions, from a
// per-function index built on first need), struct fields, +,
// fmt.Sprintf, net.JoinHostPort, strconv.Itoa, helpers' returns (and,
// across packages, ReturnsFact), &net.TCPAddr{…}, net.ResolveTCPAddr and
// frozen tables. A parameter or field whose value is not known is a
// named hole that a caller's value can later replace.
//
// Each resolution is a Val: the values (internal/addrval) and how they
// were built, the expression as written, its form and the Vals of its
// parts, which is what fixes and the program analysis read. Cycles
// resolve to nothing (the least fixed point); results are memoized per
// variable and per function.
package resolve
