// Package portplan decides a program's port plan: which of its servers is
// the primary, the one the platform routes $PORT to; which variable each
// other one reads; and which servers collide on a port.
//
// A platform routes one port to a program, so a finding or a fix that is
// right for one listen site can be wrong for the program: two servers
// fixed to read $PORT make a program that no longer starts, and a
// debugging endpoint fixed to bind all interfaces publishes the
// profiler. The plan is where those decisions are made, as a function
// over plain data: the analyzer describes each server ([Server]: where
// it starts, whether its function waits on it, its address values, the
// names its code gives it) and [Decide] returns each one's [Role]. It
// holds no syntax tree and no analysis pass, so each rule is a row of a
// table test (plan_test.go) and its invariants a fuzz target:
//   - among servers that can run at once, at most one reads $PORT;
//   - no two servers read one variable unless one edit fixes both;
//   - a loopback debugging endpoint is never published.
//
// The rules are those of docs/checks.md, "One port per program" and
// "Port collision", and the defaults of "What is not reported".
package portplan
