// package sites finds the listen sites of a package and describes the
// program they make. A Checker walks each file once and records every
// site: the address argument of a listen call, the address field of a
// server value, a server started without an address, and a value passed
// to a parameter or written to a field that reaches one. The learner
// makes sinks of such parameters and fields, exports them as facts
// (SinkFact) and turns their uses, here or in importing packages, into
// sites of their own.
//
// Judge then describes each site's server as plain data (where it
// starts, whether main waits on it, its ports and names; serve.go)
// for the port plan (internal/portplan), and writes its role back on the
// Site for the reports. ServerFact carries a package's servers to the
// commands that call them.
package sites
