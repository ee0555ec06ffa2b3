// Package frameworks is a fixture for portlint's integration test: each
// subdirectory starts servers through one framework, the real module at
// the version pinned in go.mod. Lines portlint must report end in a
// "portlint:want" comment; every other line must stay silent.
package frameworks
