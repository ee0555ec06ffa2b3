// package listenapi is the table of listen APIs, as data: each listen
// function or method by the full name types.Func.FullName prints, with
// the index of its address and network arguments and the shape of its
// address (Call); the address fields of server types (Field); the calls
// that start a server on a default port unless an address is set
// (Implicit); and the readers of the environment, the address structs
// and their resolvers, the serving calls and the debugging packages.
// Adding a framework is adding rows here and a testdata stub: no
// control flow changes. Set indexes the rows for lookup during a pass.
package listenapi
