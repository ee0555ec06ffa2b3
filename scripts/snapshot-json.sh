#!/usr/bin/env bash
# Writes portlint's -format=json output on this repository's testdata
# (GOPATH mode), its test modules and examples, the standard library,
# golang.org/x/tools v0.52.0 and two application modules (caddy v2.11.9,
# prometheus v0.316.0: hundreds of third-party dependencies, whose facts
# portlint computes) into a directory, so that two builds can be compared
# byte for byte:
#
#	scripts/snapshot-json.sh /tmp/before   # at the old commit
#	scripts/snapshot-json.sh /tmp/after    # at the new one
#	diff -r /tmp/before /tmp/after
#
# A change that only moves code must leave the files identical.
#
# The application modules are fetched through the module proxy, copied out
# of the module cache and run with -mod=mod (prometheus without its
# go.work, whose other modules its module zip does not hold), with an
# empty dependency-facts cache, then again with the cache the first run
# filled: both outputs are recorded. APPS=0 skips them (they take a few
# minutes the first time, to compile their dependencies' export data).
set -euo pipefail
out=$(mkdir -p "$1" && cd "$1" && pwd)
root=$(cd "$(dirname "$0")/.." && pwd)
bin="$out/portlint"
go build -o "$bin" "$root/cmd/portlint"
# testdata holds packages that do not type-check on purpose: status 1 is
# expected there, and the findings of the others are still printed.
# Paths are made relative to the checkout, so two checkouts compare.
(cd "$root/testdata/src" && GO111MODULE=off GOPATH="$root/testdata" GOFLAGS= "$bin" -format=json ./... >"$out/testdata.raw" 2>/dev/null) || true
sed "s|$root/||g" "$out/testdata.raw" >"$out/testdata.json"
rm "$out/testdata.raw"
for mod in "$root"/integration/testdata/*/go.mod "$root"/examples/*/go.mod; do
	dir=$(dirname "$mod")
	name=$(basename "$dir")
	(cd "$dir" && "$bin" -format=json ./... 2>/dev/null | sed "s|$root/||g" >"$out/mod-$name.json") || true
done
(cd "$root" && "$bin" -format=json std >"$out/std.json")
tools=$(cd "$root" && go mod download -json golang.org/x/tools@v0.52.0 | sed -n 's/^\t"Dir": "\(.*\)",$/\1/p')
(cd "$tools" && "$bin" -format=json ./... >"$out/xtools.json")
if [ "${APPS:-1}" != 0 ]; then
	apps=$(mktemp -d)
	trap 'rm -rf "$apps"' EXIT
	for app in caddy=github.com/caddyserver/caddy/v2@v2.11.9 prometheus=github.com/prometheus/prometheus@v0.316.0; do
		name=${app%%=*}
		dir=$(cd "$root" && go mod download -json "${app#*=}" | sed -n 's/^\t"Dir": "\(.*\)",$/\1/p')
		cp -R "$dir" "$apps/$name"
		chmod -R u+w "$apps/$name"
		rm -f "$apps/$name/go.work" "$apps/$name/go.work.sum"
		(
			cd "$apps/$name"
			export GOFLAGS="$(go env GOFLAGS) -mod=mod" PORTLINT_CACHE="$apps/cache-$name"
			go mod download
			for run in cold warm; do
				"$bin" -format=json ./... | sed "s|$apps/||g" >"$out/app-$name-$run.json"
			done
		)
	done
fi
rm "$bin"
# A fix that edits two files has its edits sorted by position by the
# go/analysis driver, and positions across files depend on the order the
# files were parsed in, which varies from run to run: put each fix's
# edits in the order of their files (a stable sort: within a file they
# stay in the order of their positions) before comparing.
for f in "$out"/*.json; do
	python3 - "$f" <<'PY'
import json, sys
p = sys.argv[1]
data = json.load(open(p))
def walk(x):
    if isinstance(x, dict):
        if "edits" in x and isinstance(x["edits"], list):
            x["edits"].sort(key=lambda e: e.get("filename", ""))
        for v in x.values():
            walk(v)
    elif isinstance(x, list):
        for v in x:
            walk(v)
walk(data)
json.dump(data, open(p, "w"), indent=1, sort_keys=True)
PY
done
wc -c "$out"/*.json
