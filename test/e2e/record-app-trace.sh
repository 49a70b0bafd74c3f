#!/usr/bin/env bash
# record-app-trace.sh — (re)record test/e2e/workspace/traces/app.trace, the trace the
# end-to-end tests open (see fixtures.md for the frames they click).
#
# Needs a Go 1.26 toolchain (the trace's format version is part of the fixture):
#   GO=<path to go 1.26's bin/go> test/e2e/record-app-trace.sh
# GO defaults to `go` on PATH. No network: the program uses only the standard library.
#
# Built with -trimpath so the trace records module paths (example.com/e2eapp/...) and
# standard-library paths (runtime/proc.go), never a path of the recording machine.
# After recording, update the line numbers in fixtures.md if the program changed.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
ws="$here/workspace"
go=${GO:-go}
version=$("$go" env GOVERSION)
case "$version" in
  go1.26*) ;;
  *) echo "record-app-trace.sh: want Go 1.26, $go is $version" >&2; exit 1 ;;
esac

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$ws" && GOTOOLCHAIN=local CGO_ENABLED=0 GOFLAGS= "$go" build -trimpath -o "$tmp/e2eapp" .)
(cd "$ws" && GOMAXPROCS=2 "$tmp/e2eapp" "$tmp/app.trace")

# The trace must not name this machine: no absolute path of the build or the run.
if grep -a -q -E "$ws|$tmp|${HOME:-/nonexistent}|/(work|tmp|root|home)/" "$tmp/app.trace"; then
  echo "record-app-trace.sh: the trace names a local path; not written" >&2
  exit 1
fi
mkdir -p "$ws/traces"
cp "$tmp/app.trace" "$ws/traces/app.trace"
echo "wrote $ws/traces/app.trace ($(wc -c <"$ws/traces/app.trace") bytes, $version)"
