#!/bin/sh
# build-golangci-lint.sh builds a custom golangci-lint v2 with the portlint
# module plugin, without network access to GitHub.
#
# Usage: scripts/build-golangci-lint.sh OUTPUT_BINARY
#
# `golangci-lint custom` does the same from a .custom-gcl.yml but always
# git-clones golangci-lint first. This script instead takes golangci-lint's
# own cmd/golangci-lint/main.go from the Go module cache (fetched through
# GOPROXY like any module), adds a plugins.go that imports the portlint
# plugin, and builds that module with portlint replaced by a local checkout.
#
# Environment:
#   PORTLINT_CHECKOUT       portlint checkout to build the plugin from
#                           (default: the checkout holding this script)
#   GOLANGCI_LINT_VERSION   golangci-lint version (default v2.15.0; it needs
#                           Go >= 1.26)
#   PORTLINT_GCL_WORKDIR    build module directory, kept between runs so a
#                           rebuild takes seconds
#                           (default: $(go env GOCACHE)/portlint-gcl/VERSION)
set -eu

if [ $# -ne 1 ]; then
	echo "usage: $0 OUTPUT_BINARY" >&2
	exit 2
fi

here=$(cd "$(dirname "$0")" && pwd)
checkout=$(cd "${PORTLINT_CHECKOUT:-$here/..}" && pwd)
version=${GOLANGCI_LINT_VERSION:-v2.15.0}
work=${PORTLINT_GCL_WORKDIR:-$(go env GOCACHE)/portlint-gcl/$version}

# One build at a time per work directory (concurrent test runs share it).
if [ -z "${PORTLINT_GCL_LOCKED:-}" ] && command -v flock >/dev/null 2>&1; then
	mkdir -p "$work"
	PORTLINT_GCL_LOCKED=1 exec flock "$work.lock" "$0" "$@"
fi

case $1 in
/*) out=$1 ;;
*) out=$(pwd)/$1 ;;
esac

if [ ! -f "$checkout/gclplugin/plugin.go" ]; then
	echo "$0: $checkout is not a portlint checkout (no gclplugin/plugin.go)" >&2
	exit 1
fi

# A go.work around the caller must not leak into the build module.
GOWORK=off
export GOWORK

mkdir -p "$work"
cd "$work"

# golangci-lint's main package, from the module cache.
info=$(cd / && go mod download -json "github.com/golangci/golangci-lint/v2@$version")
src=$(printf '%s\n' "$info" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",*$/\1/p')
infofile=$(printf '%s\n' "$info" | sed -n 's/^[[:space:]]*"Info": "\(.*\)",*$/\1/p')
released=$(sed -n 's/.*"Time":"\([^"]*\)".*/\1/p' "$infofile")
if [ -z "$src" ] || [ ! -f "$src/cmd/golangci-lint/main.go" ]; then
	echo "$0: cannot find golangci-lint $version in the module cache (go mod download failed?)" >&2
	exit 1
fi
cp "$src/cmd/golangci-lint/main.go" main.go
chmod u+w main.go

cat >plugins.go <<'GO'
package main

import _ "github.com/portlint/portlint/gclplugin"
GO

cat >go.mod.in <<GOMOD
module portlint.local/golangci-lint

go 1.26.0

require github.com/golangci/golangci-lint/v2 $version

replace github.com/portlint/portlint => "$checkout"
GOMOD
# Start from go.mod.in when it changed; otherwise keep the tidied go.mod
# and go.sum of the last run, which tidy then only checks.
if ! cmp -s go.mod.in go.mod.last 2>/dev/null || [ ! -f go.mod ]; then
	cp go.mod.in go.mod
	cp go.mod.in go.mod.last
fi
touch go.sum
go mod tidy
# main.version and main.date are what a release build sets; `golangci-lint
# version` prints them. The date is the release's, not today's: identical
# flags let the go command reuse the linked binary from its cache.
go build -o "$out" \
	-ldflags "-s -w -X main.version=${version#v}+portlint -X main.date=$released" .
echo "built $out (golangci-lint $version with the portlint plugin from $checkout)"
