package testvariant

import "testing"

func TestAddr(t *testing.T) {
	if Addr == "" {
		t.Fatal("no address")
	}
}
