// Package portnum is a major version 2 whose name is not its path's last
// element: a fix writing its type imports it by name.
package portnum

// Port is a port number.
type Port uint16

// Default is a port this package defines.
const Default Port = 8080
