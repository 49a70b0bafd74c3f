#!/usr/bin/env bash
# make-bench-trace.sh [OUT] [gen flags...]
#
# Builds bench/gen with Go 1.26 and runs it to write a large (~200 MB) execution trace,
# by default to bench/traces/big.trace (bench/traces/ is gitignored: never commit traces there).
# Extra arguments go to the generator, e.g. `-size 100000000 -d 15s` (see bench/gen/main.go).
# Without any, the generator gets the flags of the trace in bench/README.md, which is like the one
# in issue P5 (~215 MB, ~70 generations, ~40 M events, ~1 M goroutines):
#   -requests 6 -pings 0 -size 215000000 -d 65s
#
# Needs: bash, coreutils; Go 1.26 with its GOROOT at $GOROOT_1_26 if set, else
# $GO_DIR/1.26/usr/lib/go-1.26 (GO_DIR default: ../go beside the repository); if missing it is installed there
# with $INSTALL_GO (default ../shared/tools/install-go.sh beside the repository: Debian's golang-1.26 packages).
# About 200 MB of disk, 25 s or more of run time (longer on a slow or busy machine: the
# generator paces itself to the target size), loopback TCP.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
out=${1:-$repo/bench/traces/big.trace}
[ $# -gt 0 ] && shift
[ $# -eq 0 ] && set -- -requests 6 -pings 0 -size 215000000 -d 65s
GO_DIR=${GO_DIR:-$(dirname "$repo")/go}
INSTALL_GO=${INSTALL_GO:-$(dirname "$repo")/shared/tools/install-go.sh}
goroot=${GOROOT_1_26:-$GO_DIR/1.26/usr/lib/go-1.26}
if [ ! -x "$goroot/bin/go" ]; then
  [ -x "$INSTALL_GO" ] || { echo "make-bench-trace: no Go 1.26 at $goroot and no $INSTALL_GO" >&2; exit 1; }
  goroot=$("$INSTALL_GO" 1.26 "$GO_DIR/1.26")
fi
export GOTOOLCHAIN=local GOFLAGS= GOWORK=off GOENV=off CGO_ENABLED=0 GOPROXY=off

bin=$(mktemp -d)
trap 'rm -rf "$bin"' EXIT
( cd "$repo/bench/gen" && "$goroot/bin/go" build -trimpath -buildvcs=false -o "$bin/gen" . )
mkdir -p "$(dirname "$out")"
echo "make-bench-trace: $("$goroot/bin/go" version), writing $out" >&2
"$bin/gen" -o "$out" "$@"
ls -l "$out" >&2
