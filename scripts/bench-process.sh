#!/bin/sh
# bench-process.sh compares whole processes: portlint against a no-op
# analyzer built with the same driver (internal/driver, bench/noop), on the
# same patterns, interleaved, and reports the median CPU time (user+sys,
# go list and its children included) and peak RSS of each (issue 8,
# BENCHMARKS.md). Budget: portlint's median CPU within 3% of the no-op's.
#
# Usage: scripts/bench-process.sh [PATTERN_SET...]
#
# A pattern set is one argument of space-separated patterns; the default
# sets are "net/... crypto/..." and "std". portlint exits 3 when it has
# findings (std has some): that counts as success.
#
# Environment:
#   RUNS     measured runs of each program per set (default 7, at least 5)
#   WARMUP   unmeasured runs of each first (default 1)
#   VERBOSE  set to 1 to print every run
#   NICE     if set, run the measurements at this nice value (a negative
#            one needs root): less disturbed by other work on the machine
# Timing uses bench/cmd/proctime (wait4's rusage), so no tool beyond Go is
# needed.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
runs=${RUNS:-7}
warmup=${WARMUP:-1}
verbose=
if [ "${VERBOSE:-}" = 1 ]; then verbose=-v; fi
nice=
if [ -n "${NICE:-}" ]; then nice="nice -n $NICE"; fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

cd "$root"
go build -o "$tmp/portlint" ./cmd/portlint
go build -o "$tmp/noop" ./bench/noop
go build -o "$tmp/proctime" ./bench/cmd/proctime

echo "machine: $(nproc) CPUs, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1), $(go version)"
rev=$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)
if [ -n "$(git -C "$root" status --porcelain -- analyzer cmd 2>/dev/null)" ]; then
	rev="$rev + uncommitted changes to analyzer/ or cmd/"
fi
echo "portlint: $rev"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) (other work on the machine inflates and scatters the times)"

if [ $# -eq 0 ]; then
	set -- "net/... crypto/..." "std"
fi
for patterns in "$@"; do
	echo
	echo "== $patterns"
	# shellcheck disable=SC2086 # the set is split into patterns on purpose
	$nice "$tmp/proctime" -n "$runs" -warmup "$warmup" -ok 0,3 -budget 3 $verbose \
		noop="$tmp/noop" portlint="$tmp/portlint" -- $patterns
done
