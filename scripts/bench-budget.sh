#!/bin/sh
# bench-budget.sh measures portlint's whole-process budget against a
# no-op analyzer under the same driver, run interleaved by
# bench/cmd/proctime, which reports the median CPU time (user+sys,
# children included), wall time and peak RSS of each (BENCHMARKS.md). The
# baseline is bench/bare, which does nothing at all; bench/noop, which
# walks an inspector with portlint's node filter in every package, is
# shown beside it on the older sets:
#
#   std   portlint vs bare, net/... crypto/... (run from the repository):
#         CPU ratio at most 1.05;
#   tree  the same on ./... of golang.org/x/tools (TREE);
#   apps  on ./... of two application modules, caddy v2.11.9 and
#         prometheus v0.316.0 (APPS), warm (dependency facts cached):
#         CPU at most 1.05, peak RSS at most 1.10; cold (an empty
#         $PORTLINT_CACHE before each run): CPU at most 1.10;
#   vet   cold go vet -vettool=portlint ./... vs go vet -vettool=bare
#         ./... on TREE (at most 1.15) and on each application module (at
#         most 1.05);
#   scale CPU and peak RSS of bare and portlint (warm) against the
#         packages of three modules of growing size: TREE and the
#         applications, from the runs above (run tree and apps first).
#
# Application modules are fetched through the module proxy (go mod
# download), copied out of the module cache and run with -mod=mod;
# prometheus without its go.work, whose other modules its module zip does
# not hold.
#
# "Cold" go vet means that go vet's result cache misses for every vet
# action while compiled export data is warm: a private GOCACHE per module
# is warmed once (go build ./... and go vet ./... with the standard vet
# tool, which compiles the test variants too), and every measured run
# gets a fresh copy of it (hard links, proctime -setup, untimed). Before
# measuring, one bare run is checked with go vet -x: the tool runs on
# every vet action, nothing is compiled, and a second run on the same
# cache runs the tool on nothing.
#
# Usage: scripts/bench-budget.sh
#
# Environment:
#   CHECKS   which checks to run, of "std tree apps vet scale" (default all)
#   RUNS     measured runs of each program per check (default 7)
#   WARMUP   unmeasured runs of each first (default 1)
#   TREE     the large library module (default golang.org/x/tools@v0.52.0)
#   APPS     the application modules, name=module@version, space-separated
#   WORK     a directory to keep the modules and warm caches in between
#            runs (the first warm-up of prometheus's compiles takes half an
#            hour on 2 cores); default a temporary one, removed at exit
#   VERBOSE  set to 1 to print every run
#   NICE     if set, run the measurements at this nice value
#   BASE     a commit to measure beside this build, in the same runs
#            (interleaved, a column named BASE), to show a change's budget
#            side by side with its base's: BASE=5bfab02. It keeps its own
#            $PORTLINT_CACHE (the same path with "-base" added)
set -eu

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
runs=${RUNS:-7}
warmup=${WARMUP:-1}
tree=${TREE:-golang.org/x/tools@v0.52.0}
apps=${APPS:-caddy=github.com/caddyserver/caddy/v2@v2.11.9 prometheus=github.com/prometheus/prometheus@v0.316.0}
checks=${CHECKS:-std tree apps vet scale}
want() { case " $checks " in *" $1 "*) return 0 ;; esac; return 1; }
verbose=
if [ "${VERBOSE:-}" = 1 ]; then verbose=-v; fi
nice=
if [ -n "${NICE:-}" ]; then nice="nice -n $NICE"; fi

if [ -n "${WORK:-}" ]; then
	mkdir -p "$WORK"
	work=$(cd "$WORK" && pwd)
else
	work=$(mktemp -d)
	trap 'rm -rf "$work"' EXIT INT TERM
fi
bin=$work/bin
tsv=$work/results.tsv
rm -f "$tsv"

cd "$root"
go build -o "$bin/portlint" ./cmd/portlint
go build -o "$bin/noop" ./bench/noop
go build -o "$bin/bare" ./bench/bare
go build -o "$bin/proctime" ./bench/cmd/proctime
# base: the arguments that add BASE's build to a measurement, if set.
base=
if [ -n "${BASE:-}" ]; then
	rm -rf "$work/base-src"
	mkdir -p "$work/base-src"
	git -C "$root" archive "$BASE" | tar -x -C "$work/base-src"
	(cd "$work/base-src" && go build -o "$bin/base.exe" ./cmd/portlint)
	printf '#!/bin/sh\nPORTLINT_CACHE=${PORTLINT_CACHE:+$PORTLINT_CACHE-base} exec %s "$@"\n' "$bin/base.exe" >"$bin/base"
	chmod +x "$bin/base"
	base="$BASE=$bin/base"
fi
for t in portlint noop bare ${BASE:+base}; do
	printf '#!/bin/sh\nexec go vet -vettool=%s "$@"\n' "$bin/$t" >"$bin/vet-$t"
	chmod +x "$bin/vet-$t"
done
gomodflags="$(go env GOFLAGS) -mod=mod"

# fetch NAME MODULE@VERSION copies the module out of the module cache into
# $work/NAME (once), downloads its dependencies and warms its private
# build cache $work/NAME.cache.
fetch() {
	if [ ! -f "$work/$1/go.mod" ]; then
		dir=$(go mod download -json "$2" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",*$/\1/p')
		rm -rf "$work/$1"
		cp -R "$dir" "$work/$1"
		chmod -R u+w "$work/$1"
		rm -f "$work/$1/go.work" "$work/$1/go.work.sum"
	fi
	(
		cd "$work/$1"
		export GOFLAGS="$gomodflags"
		go mod download
		if [ ! -f "$work/$1.cache/warm" ]; then
			# The standard vet tool may report problems (exit 1); only
			# its compiles matter here.
			GOCACHE="$work/$1.cache" go build ./...
			GOCACHE="$work/$1.cache" go vet ./... >/dev/null 2>&1 || :
			touch "$work/$1.cache/warm"
		fi
	)
}

# npkgs DIR prints the packages of ./... in DIR, with their test variants,
# and those its load holds (dependencies included).
npkgs() {
	(
		cd "$1"
		export GOFLAGS="$gomodflags"
		echo "$(go list ./... | wc -l) packages ($(go list -test ./... | wc -l) with tests), $(go list -deps -test ./... | wc -l) in the load"
	)
}

echo "machine: $(nproc) CPUs, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1), $(go version)"
rev=$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)
if [ -n "$(git -C "$root" status --porcelain -- analyzer cmd internal bench 2>/dev/null)" ]; then
	rev="$rev + uncommitted changes"
fi
echo "portlint: $rev${BASE:+, base: $BASE}"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) (other work on the machine inflates and scatters the times)"

# measure LABEL DIR BUDGET [PROCTIME FLAGS...] -- PROGRAMS... -- ARGS runs
# proctime in DIR.
measure() {
	label=$1 dir=$2
	shift 2
	(
		cd "$dir"
		export GOFLAGS="$gomodflags"
		# shellcheck disable=SC2086 # $nice and $verbose are words or nothing
		$nice "$bin/proctime" -n "$runs" -warmup "$warmup" -ok 0,3 $verbose -label "$label" -tsv "$tsv" "$@"
	)
}

if want std; then
	echo
	echo "== std. portlint vs bare (and noop): net/... crypto/... (budget: CPU ratio <= 1.05)"
	measure std "$root" -budget 5 bare="$bin/bare" noop="$bin/noop" $base portlint="$bin/portlint" -- net/... crypto/...
fi

treename=$(echo "$tree" | sed 's|.*/||; s|@.*||')
if want tree || want vet; then
	fetch "$treename" "$tree"
fi
if want tree; then
	echo
	echo "== tree. portlint vs bare (and noop): ./... of $tree, $(npkgs "$work/$treename") (budget: CPU ratio <= 1.05)"
	PORTLINT_CACHE="$work/$treename.facts" measure "$treename" "$work/$treename" -budget 5 \
		bare="$bin/bare" noop="$bin/noop" $base portlint="$bin/portlint" -- ./...
fi

if want apps || want vet; then
	for app in $apps; do
		fetch "${app%%=*}" "${app#*=}"
	done
fi
if want apps; then
	for app in $apps; do
		name=${app%%=*}
		echo
		echo "== apps. portlint vs bare: ./... of ${app#*=}, $(npkgs "$work/$name")"
		echo "-- warm: the dependency facts cached (budget: CPU ratio <= 1.05, peak RSS ratio <= 1.10)"
		export PORTLINT_CACHE="$work/$name.facts"
		rm -rf "$PORTLINT_CACHE" "$PORTLINT_CACHE-base"
		for p in portlint ${BASE:+base}; do
			(cd "$work/$name" && GOFLAGS="$gomodflags" "$bin/$p" ./... >/dev/null 2>&1) || :
		done
		measure "$name" "$work/$name" -budget 5 -rss-budget 10 bare="$bin/bare" $base portlint="$bin/portlint" -- ./...
		echo "-- cold: an empty \$PORTLINT_CACHE before each run (budget: CPU ratio <= 1.10)"
		measure "$name-cold" "$work/$name" -budget 10 -setup "rm -rf '$PORTLINT_CACHE' '$PORTLINT_CACHE-base'" \
			bare="$bin/bare" $base portlint="$bin/portlint" -- ./...
		unset PORTLINT_CACHE
	done
fi

# vetcold NAME BUDGET PROGRAMS... measures cold go vet in $work/NAME.
vetcold() {
	name=$1 budget=$2
	shift 2
	warm=$work/$name.cache
	cache=$work/$name.vetcache
	fresh="rm -rf '$cache' && cp -al '$warm' '$cache'"
	(
		cd "$work/$name"
		export GOFLAGS="$gomodflags"
		sh -c "$fresh"
		GOCACHE=$cache go vet -x -vettool="$bin/bare" ./... >"$work/x1" 2>&1 || :
		GOCACHE=$cache go vet -x -vettool="$bin/bare" ./... >"$work/x2" 2>&1 || :
		echo "cold check (bare, go vet -x): $(grep -c "$bin/bare .*vet\.cfg" "$work/x1") tool runs and" \
			"$(grep -c '/compile ' "$work/x1") compiles on a fresh copy of the warm cache;" \
			"$(grep -c "$bin/bare .*vet\.cfg" "$work/x2") tool runs when rerun on the same cache"
		# go vet exits 1 when the tool reports findings.
		# shellcheck disable=SC2086
		GOCACHE=$cache $nice "$bin/proctime" -n "$runs" -warmup "$warmup" -ok 0,1 -budget "$budget" $verbose \
			-label "$name-vet" -tsv "$tsv" -setup "$fresh" "$@" -- ./...
	)
}

if want vet; then
	echo
	echo "== vet. cold go vet -vettool: ./... of $tree (budget: CPU ratio <= 1.15)"
	vetcold "$treename" 15 bare="$bin/vet-bare" noop="$bin/vet-noop" ${BASE:+"$BASE=$bin/vet-base"} portlint="$bin/vet-portlint"
	for app in $apps; do
		name=${app%%=*}
		echo
		echo "== vet. cold go vet -vettool: ./... of ${app#*=} (budget: CPU ratio <= 1.05)"
		vetcold "$name" 5 bare="$bin/vet-bare" ${BASE:+"$BASE=$bin/vet-base"} portlint="$bin/vet-portlint"
	done
fi

if want scale; then
	echo
	echo "== scale. CPU and peak RSS against the packages loaded (warm runs above)"
	printf '%-12s %-44s %8s %8s %6s %9s %9s %6s\n' module packages "bare" portlint ratio "bare RSS" "portl RSS" ratio
	for m in "$treename=$tree" $apps; do
		name=${m%%=*}
		[ -d "$work/$name" ] || continue
		bare=$(awk -F'\t' -v l="$name" '$1 == l && $2 == "bare"' "$tsv")
		port=$(awk -F'\t' -v l="$name" '$1 == l && $2 == "portlint"' "$tsv")
		[ -n "$bare" ] && [ -n "$port" ] || continue
		echo "$bare|$port|$(npkgs "$work/$name")" | awk -F'[|\t]' -v n="$name" '{
			printf "%-12s %-44s %7.2fs %7.2fs %6.3f %6.0f MiB %6.0f MiB %6.3f\n", n, $15, $3, $10, $10/$3, $5, $12, $12/$5 }'
	done
fi
