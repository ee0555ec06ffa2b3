// Package addrval is portlint's model of an address value: what a string
// expression reaching a listen site can hold, split into a host and a
// port, classified, and matched against the -allow list.
//
// An expression resolves to a set of alternatives ([]Str), one per
// reaching definition (each assignment of a variable, each return of a
// helper). Each alternative is a sequence of segments ([Seg]): constant
// text with the position it was written at, or a hole whose value is
// unknown. A hole may be named ([Seg.Hole]), for a parameter whose callers
// are all known, so that [Substitute] can later put each caller's value in
// its place. Both dimensions are bounded ([MaxAlts], [MaxSegs]) so that
// resolution stays linear; past [MaxAlts] a value is simply [Unknown].
//
// [Split] turns one alternative into an [Alt]: a host and a port ([Part]),
// each known only when no hole reaches it. Where the text is all
// constant, the split is exactly net.SplitHostPort's ([SplitHostPort]);
// otherwise the port is what follows the last constant colon.
//
// [Classify] decides what a listen site is reported for: a hard-coded port
// when every alternative has a constant, valid, non-zero port, a loopback
// host when every alternative has a constant loopback host. Being unsure
// of any alternative keeps the site silent.
//
// [Allow] is the -allow list: addresses, or wildcard hosts or ports, that
// are intentional and never reported.
package addrval
