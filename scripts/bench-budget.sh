#!/bin/sh
# bench-budget.sh measures portlint's whole-process budget against a
# no-op analyzer under the same driver, run interleaved by
# bench/cmd/proctime, which reports the median CPU time (user+sys,
# children included) of each (BENCHMARKS.md). The baseline is bench/bare,
# which does nothing at all; bench/noop, which walks an inspector with
# portlint's node filter in every package, is shown beside it:
#
#   1. portlint PATTERNS vs bare PATTERNS, on "net/... crypto/..." (std,
#      run from the repository) and on ./... of a large module (TREE):
#      ratio of the medians at most 1.05;
#   2. cold go vet -vettool=portlint ./... vs go vet -vettool=bare ./...
#      on the same module: ratio at most 1.15.
#
# "Cold" means that go vet's result cache misses for every vet action
# while compiled export data is warm: a private GOCACHE is warmed once
# (go build ./... and go vet ./... with the standard vet tool, which
# compiles the test variants too), and every measured run gets a fresh
# copy of it (proctime -setup, untimed). Before measuring, one noop run is
# checked with go vet -x: the tool runs on every vet action, nothing is
# compiled, and a second run on the same cache runs the tool on nothing.
#
# Usage: scripts/bench-budget.sh
#
# Environment:
#   CHECKS   which checks to run, of "std tree vet" (1a, 1b, 2; default all)
#   RUNS     measured runs of each program per check (default 7)
#   WARMUP   unmeasured runs of each first (default 1)
#   TREE     the large module, fetched through the module proxy
#            (default golang.org/x/tools@v0.52.0, 216 packages)
#   VERBOSE  set to 1 to print every run
#   NICE     if set, run the measurements at this nice value
set -eu

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
runs=${RUNS:-7}
warmup=${WARMUP:-1}
tree=${TREE:-golang.org/x/tools@v0.52.0}
checks=${CHECKS:-std tree vet}
want() { case " $checks " in *" $1 "*) return 0 ;; esac; return 1; }
verbose=
if [ "${VERBOSE:-}" = 1 ]; then verbose=-v; fi
nice=
if [ -n "${NICE:-}" ]; then nice="nice -n $NICE"; fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
bin=$tmp/bin

cd "$root"
go build -o "$bin/portlint" ./cmd/portlint
go build -o "$bin/noop" ./bench/noop
go build -o "$bin/bare" ./bench/bare
go build -o "$bin/proctime" ./bench/cmd/proctime
for t in portlint noop bare; do
	printf '#!/bin/sh\nexec go vet -vettool=%s "$@"\n' "$bin/$t" >"$bin/vet-$t"
	chmod +x "$bin/vet-$t"
done

# The large module and its dependencies, from the module proxy.
dir=$(go mod download -json "$tree" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",*$/\1/p')
cp -R "$dir" "$tmp/tree"
chmod -R u+w "$tmp/tree"
cd "$tmp/tree"
go mod download
npkg=$(go list ./... | wc -l)

# A private build cache, warm for the module and its tests. The standard
# vet tool may report problems (exit 1); only its compiles matter here.
export GOCACHE="$tmp/warm"
go build ./...
go vet ./... >/dev/null 2>&1 || :

echo "machine: $(nproc) CPUs, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1), $(go version)"
rev=$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)
if [ -n "$(git -C "$root" status --porcelain -- analyzer cmd internal bench 2>/dev/null)" ]; then
	rev="$rev + uncommitted changes"
fi
echo "portlint: $rev"
echo "large tree: $tree, $npkg packages in ./..."
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) (other work on the machine inflates and scatters the times)"

if want std; then
	echo
	echo "== 1a. portlint vs bare (and noop): net/... crypto/... (budget: ratio <= 1.05)"
	cd "$root"
	$nice "$bin/proctime" -n "$runs" -warmup "$warmup" -ok 0,3 -budget 5 $verbose \
		bare="$bin/bare" noop="$bin/noop" portlint="$bin/portlint" -- net/... crypto/...
fi

if want tree; then
	echo
	echo "== 1b. portlint vs bare (and noop): ./... of $tree (budget: ratio <= 1.05)"
	cd "$tmp/tree"
	$nice "$bin/proctime" -n "$runs" -warmup "$warmup" -ok 0,3 -budget 5 $verbose \
		bare="$bin/bare" noop="$bin/noop" portlint="$bin/portlint" -- ./...
fi

if want vet; then
	echo
	echo "== 2. cold go vet -vettool: ./... of $tree (budget: ratio <= 1.15)"
	cd "$tmp/tree"
	fresh="rm -rf '$tmp/cache' && cp -a '$tmp/warm' '$tmp/cache'"
	sh -c "$fresh"
	GOCACHE=$tmp/cache go vet -x -vettool="$bin/noop" ./... >"$tmp/x1" 2>&1
	GOCACHE=$tmp/cache go vet -x -vettool="$bin/noop" ./... >"$tmp/x2" 2>&1
	echo "cold check (noop, go vet -x): $(grep -c "$bin/noop .*vet\.cfg" "$tmp/x1") tool runs and" \
		"$(grep -c '/compile ' "$tmp/x1") compiles on a fresh copy of the warm cache;" \
		"$(grep -c "$bin/noop .*vet\.cfg" "$tmp/x2") tool runs when rerun on the same cache"
	# go vet exits 1 when the tool reports findings (portlint has some here).
	GOCACHE=$tmp/cache $nice "$bin/proctime" -n "$runs" -warmup "$warmup" -ok 0,1 -budget 15 $verbose \
		-setup "$fresh" bare="$bin/vet-bare" noop="$bin/vet-noop" portlint="$bin/vet-portlint" -- ./...
fi
