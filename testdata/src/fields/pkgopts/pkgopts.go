// Package pkgopts serves on the port its options give.
package pkgopts

import (
	"fmt"
	"net/http"
)

type Options struct{ Port int } // want Port:`sink: port of http\.ListenAndServe`

func Run(o Options) error { // want Run:`serves`
	return http.ListenAndServe(fmt.Sprintf(":%d", o.Port), nil)
}
