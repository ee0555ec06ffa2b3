// Package intports serves on integer ports of several types.
package intports

import (
	"fmt"
	"net/http"
	"strconv"
)

// Port is a port number.
type Port uint16

func ServeU16(port uint16) error { return http.ListenAndServe(fmt.Sprintf(":%d", port), nil) }    // want ServeU16:`sink: param 0 port of http\.ListenAndServe` ServeU16:`serves`
func ServeI32(port int32) error  { return http.ListenAndServe(":"+strconv.Itoa(int(port)), nil) } // want ServeI32:`sink` ServeI32:`serves`
func ServeNamed(port Port) error { return http.ListenAndServe(fmt.Sprintf(":%d", port), nil) }    // want ServeNamed:`sink: param 0 port of http\.ListenAndServe` ServeNamed:`serves`
func ServeInt(port int) error    { return http.ListenAndServe(":"+strconv.Itoa(port), nil) }      // want ServeInt:`sink: param 0 port of http\.ListenAndServe` ServeInt:`serves`
