// Package listenapi is the table of listen APIs, as data: the listen
// functions and methods (CallRule), the address fields of servers
// (FieldRule), the calls that listen on a default port unless an address
// is set (ImplicitRule), and beside them the environment readers, address
// structs, serving calls and debugging packages (RuleRows), indexed for a
// pass by RuleSet. Adding a framework is adding rows here and a testdata
// stub: no control flow changes.
package listenapi
