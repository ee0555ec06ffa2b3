package addrval

import "testing"

func TestTransportOf(t *testing.T) {
	for _, tc := range []struct {
		network string
		want    Transport
	}{
		{"tcp", TCP}, {"tcp4", TCP}, {"tcp6", TCP},
		{"udp", UDP}, {"udp4", UDP}, {"udp6", UDP},
		{"ip4:icmp", 0}, {"unix", 0}, {"", 0},
	} {
		if got := TransportOf(tc.network); got != tc.want {
			t.Errorf("TransportOf(%q) = %d, want %d", tc.network, got, tc.want)
		}
	}
	if !TCP.Overlaps(TCP|UDP) || TCP.Overlaps(UDP) || !Transport(0).Overlaps(UDP) {
		t.Error("Overlaps: TCP overlaps TCP|UDP, not UDP; an unknown transport overlaps any")
	}
}
