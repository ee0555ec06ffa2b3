// package addrval is portlint's model of an address value: what a string
// expression reaching a listen site can hold, split into a host and a
// port, classified, and matched against the -allow list.
//
// An expression resolves to a set of alternatives ([]Str), one per
// reaching definition; each is a sequence of segments ([Seg]), constant
// text or a hole. [Split] makes an [Alt] of one alternative: a host and a
// port, each known only when no hole reaches it. [Classify] reports a
// part only when every alternative has it constant, so being unsure of
// any alternative keeps a site silent.
package addrval
