//go:build go1.21

package local

import "fmt"

// Before Go 1.22 the closures share the loop's one variable: each sees
// its last value, so the loop is not one server per value.
func closures121() {
	for i := 0; i < 3; i++ {
		go func() { serveAt(fmt.Sprintf(":%d", 8300+i)) }()
	}
}
