#!/usr/bin/env bash
# go-reader.sh GOROOT FILE [full|raw] [-mem]     (also: -mode full|raw)
#
# Times Go's own trace reader on FILE with the Go toolchain at GOROOT and prints
# one JSON line (see bench/go-reader/main.go):
#   {"bytes":..,"events":..,"seconds":..,"mbPerSec":..,"eventsPerSec":..,"peakRssBytes":..,"reader":..,"go":..}
# -mode full (default): internal/trace (NewReader + ReadEvent to EOF, as `go tool trace -d=parsed`);
# -mode raw: internal/trace/raw (wire-level reader, as `go tool trace -d=wire`).
#
# Needs: bash, a Go toolchain with its sources (GOROOT/src; Go 1.23 or newer, where
# internal/trace and internal/trace/raw have these names) and write access to
# GOROOT/src/cmd: internal/... packages can be imported only from inside the Go tree, so
# the program is copied into a scratch directory GOROOT/src/cmd/gotracebench_tmp_<pid>/,
# built there with `go build`, and the directory is removed again (also on failure).
# The file is read once beforehand to warm the page cache.
set -euo pipefail
usage="usage: go-reader.sh GOROOT FILE [full|raw] [-mem]"
goroot=${1:?$usage}
file=${2:?$usage}
shift 2
args=() prev=
for a in "$@"; do
  if [ "$prev" != -mode ] && { [ "$a" = full ] || [ "$a" = raw ]; }; then args+=(-mode "$a"); else args+=("$a"); fi
  prev=$a
done
repo=$(cd "$(dirname "$0")/.." && pwd)
goroot=$(cd "$goroot" && pwd)
[ -x "$goroot/bin/go" ] && [ -d "$goroot/src/cmd" ] || { echo "go-reader: $goroot is not a GOROOT with sources" >&2; exit 1; }

pkg=gotracebench_tmp_$$
dir=$goroot/src/cmd/$pkg
bin=$(mktemp -d)
trap 'rm -rf "$dir" "$bin"' EXIT
mkdir "$dir"
cp "$repo/bench/go-reader/main.go" "$dir/main.go"
( cd "$goroot/src/cmd" &&
  GOROOT=$goroot GOTOOLCHAIN=local GOFLAGS= GOWORK=off GOENV=off CGO_ENABLED=0 \
    "$goroot/bin/go" build -o "$bin/gotracebench" "./$pkg" )
rm -rf "$dir"
cat "$file" >/dev/null
"$bin/gotracebench" ${args[@]+"${args[@]}"} "$file"
