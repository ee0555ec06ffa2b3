package driver

import (
	"slices"
	"testing"
)

// TestScanIndex checks that the scan index keeps what a run used, and
// what it did not for scanKeepWrites more writes, and is written only
// when a run added to it.
func TestScanIndex(t *testing.T) {
	dir := t.TempDir()
	open := func(module string) *factCache {
		c := &factCache{dir: dir, prefix: []byte("test")}
		c.useScanIndex(module)
		return c
	}
	c := open("/m/go.mod")
	c.putScan("k1", []string{"f:Listen", "Sserve"})
	c.putScan("k2", nil)
	c.flushScans()

	c = open("/m/go.mod")
	if names, ok := c.getScan("k1"); !ok || !slices.Equal(names, []string{"f:Listen", "Sserve"}) {
		t.Errorf("k1: %q, %v", names, ok)
	}
	if names, ok := c.getScan("k2"); !ok || names != nil {
		t.Errorf("k2: %q, %v", names, ok)
	}
	if _, ok := open("/other/go.mod").getScan("k1"); ok {
		t.Error("another module's index holds k1")
	}
	if c.flushScans(); c.scansDirty {
		t.Error("dirty after a flush")
	}

	// Runs that use only k1 and add a key each: k2 is kept for
	// scanKeepWrites writes, then dropped.
	for i := range scanKeepWrites + 2 {
		c = open("/m/go.mod")
		if _, ok := c.getScan("k1"); !ok {
			t.Fatalf("write %d: k1 missing", i)
		}
		if _, ok := c.scans["k2"]; ok != (i <= scanKeepWrites) {
			t.Fatalf("write %d: k2 present %v", i, ok)
		}
		c.putScan("new", []string{"f:New"})
		c.flushScans()
	}
}
