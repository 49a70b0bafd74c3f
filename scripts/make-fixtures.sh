#!/usr/bin/env bash
# make-fixtures.sh — (re)make the real Go execution-trace fixtures in test/fixtures/traces.
#
# Needs:
#   * bash, coreutils (stat, cmp, sort, mktemp), grep, diff.
#   * Go toolchains, one GOROOT per Go version used (the Debian golang-1.NN packages
#     unpacked with ../shared/tools/install-go.sh; any other Go distribution works too):
#       the workload versions  VERSIONS    (default "1.22 1.23 1.25 1.26 1.27"),
#       the v1-format versions V1_VERSIONS (default "1.19 1.21"),
#       the v1 cgo version     V1_CGO_VERSIONS (default 1.19),
#       the oracle             ORACLE      (default 1.27; its `go tool trace` makes all outputs).
#     The GOROOT of version X.Y is taken from $GOROOT_X_Y (e.g. GOROOT_1_26=...) if set,
#     else $GO_DIR/X.Y/usr/lib/go-X.Y (GO_DIR default: ../go beside the repository). If it is missing and
#     $INSTALL_GO (default ../shared/tools/install-go.sh beside the repository) exists, it is installed there.
#   * gcc (or another C compiler as $CC) for the cgo workload (cgocb).
#   * No network and no Go module proxy: the workloads use only the standard library.
#
# What it does, for every version V and workload W in test/fixtures/go/{annot,manyg,syscalls,cpuprof}:
#   builds W with Go V (-trimpath, CGO_ENABLED=0), runs it TRIES times (default 7) with
#   GOMAXPROCS=2 and keeps the smallest trace as go<V>-<W>.trace; then, with the oracle's
#   `go tool trace`, writes go<V>-<W>.wire.txt (stdout of -d=wire), go<V>-<W>.parsed.txt
#   (stdout of -d=parsed) and go<V>-<W>.verdict.txt (verdict, exit codes, first stderr line,
#   oracle version; same layout as ../shared/traces/*.verdict.txt).
#   The v1 versions get only the annot workload. The V1 cgo entry: test/fixtures/go/cgocb (C
#   code calling back into Go, also from threads C creates) built with each V1_CGO_VERSIONS Go
#   with CGO_ENABLED=1, as go<V>-cgocb; Go's parser rejects such Go 1.19 traces, and the fixture
#   keeps its verdict. From go1.26-manyg (two generations) it derives three broken variants
#   (fixturetool break). Finally it writes manifest.json and checks that no output names a
#   path of this machine.
#
# Re-runnable: the output directory's fixture files are replaced as a whole, unless ONLY names
# the workloads to remake (e.g. ONLY=cgocb; "broken" for the broken variants): then only their
# fixtures are made, the others are kept as they are, and manifest.json is made for all of them.
# Usage: scripts/make-fixtures.sh            (from anywhere; paths are relative to the repo)
#        ONLY=cgocb scripts/make-fixtures.sh
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
src=$repo/test/fixtures/go
out=$repo/test/fixtures/traces
VERSIONS=${VERSIONS:-"1.22 1.23 1.25 1.26 1.27"}
V1_VERSIONS=${V1_VERSIONS:-"1.19 1.21"}
V1_CGO_VERSIONS=${V1_CGO_VERSIONS:-1.19}
ONLY=${ONLY:-}
ORACLE=${ORACLE:-1.27}
TRIES=${TRIES:-7}
GO_DIR=${GO_DIR:-$(dirname "$repo")/go}
INSTALL_GO=${INSTALL_GO:-$(dirname "$repo")/shared/tools/install-go.sh}
WORKLOADS="annot manyg syscalls cpuprof"
BROKEN_FROM=${BROKEN_FROM:-1.26}

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
mkdir -p "$scratch/out" "$scratch/bin"

# Keep the host's Go settings out of the builds.
export GOTOOLCHAIN=local GOFLAGS= GOWORK=off GO111MODULE=on CGO_ENABLED=0 GOPROXY=off
export GOENV=off

goroot() { # goroot X.Y -> prints the GOROOT of Go X.Y, installing it if needed
  local v=$1 var="GOROOT_${1//./_}"
  if [ -n "${!var:-}" ]; then echo "${!var}"; return; fi
  local g=$GO_DIR/$v/usr/lib/go-$v
  if [ ! -x "$g/bin/go" ]; then
    [ -x "$INSTALL_GO" ] || { echo "make-fixtures: no Go $v at $g and no $INSTALL_GO" >&2; exit 1; }
    "$INSTALL_GO" "$v" "$GO_DIR/$v" >/dev/null
  fi
  echo "$g"
}

oracle_go=$(goroot "$ORACLE")/bin/go
oracle_version=$("$oracle_go" version)
meta=$scratch/meta.tsv
: >"$meta"

# outputs NAME: runs the oracle on $scratch/out/NAME.trace and writes the three text files.
outputs() {
  local name=$1 rc wrc
  ( cd "$scratch/out" && "$oracle_go" tool trace -d=wire "$name.trace" >"$name.wire.txt" 2>"$scratch/wire.err" ) && wrc=0 || wrc=$?
  ( cd "$scratch/out" && "$oracle_go" tool trace -d=parsed "$name.trace" >"$name.parsed.txt" 2>"$scratch/parsed.err" ) && rc=0 || rc=$?
  {
    if [ "$rc" = 0 ]; then echo ok; else echo error; fi
    echo "exit_code: $rc"
    if [ "$rc" != 0 ]; then echo "error: $(head -n1 "$scratch/parsed.err")"; fi
    echo "wire_exit_code: $wrc"
    if [ "$wrc" != 0 ]; then echo "wire_error: $(head -n1 "$scratch/wire.err")"; fi
    echo "oracle: $oracle_version"
  } >"$scratch/out/$name.verdict.txt"
}

# same_version NAME V: compares Go V's own `go tool trace -d=...` with the oracle's
# (only Go 1.25+ has -d=wire/-d=parsed); prints a one-line summary, or "-".
same_version() {
  local name=$1 v=$2 g mode sfx summary="" rc orc
  case $v in 1.1?|1.2[0-4]) echo -; return ;; esac
  [ "$v" = "$ORACLE" ] && { echo -; return; }
  g=$(goroot "$v")/bin/go
  for mode in wire parsed; do
    ( cd "$scratch/out" && "$g" tool trace -d=$mode "$name.trace" >"$scratch/sv.out" 2>"$scratch/sv.err" ) && rc=0 || rc=$?
    ( cd "$scratch/out" && "$oracle_go" tool trace -d=$mode "$name.trace" >/dev/null 2>"$scratch/or.err" ) && orc=0 || orc=$?
    if cmp -s "$scratch/sv.out" "$scratch/out/$name.$mode.txt"; then sfx="same output"
    else sfx="output differs ($(diff "$scratch/sv.out" "$scratch/out/$name.$mode.txt" | grep -c '^[<>]') lines)"; fi
    if cmp -s "$scratch/sv.err" "$scratch/or.err" && [ "$rc" = "$orc" ]; then sfx="$sfx, same stderr and exit code"
    else sfx="$sfx, go$v says '$(head -n1 "$scratch/sv.err")' exit $rc"; fi
    summary="$summary${summary:+; }-d=$mode: $sfx"
  done
  echo "go$v $summary"
}

# check NAME WORKLOAD V1?: sanity checks that the workload did what it is for.
check() {
  local p=$scratch/out/$1.parsed.txt
  case $2 in
    annot)    grep -q ' TaskBegin ' "$p" ;;
    manyg)    grep -q 'Name="GC concurrent mark phase"' "$p" &&
              { [ "$3" = v1 ] || [ "$(grep -c ' Sync ' "$p")" -ge 3 ]; } ;;
    syscalls) grep -q 'Running->Syscall' "$p" && grep -q 'Syscall->Runnable' "$p" ;;
    cpuprof)  [ "$(grep -c ' StackSample ' "$p")" -ge 5 ] ;;
    # Kept for Go's verdict on it: its parser rejects the cgo callbacks of these traces.
    cgocb)    [ "$(head -n1 "$scratch/out/$1.verdict.txt")" = error ] ;;
  esac || { echo "make-fixtures: $1 lacks what the $2 workload should produce" >&2; exit 1; }
}

# wanted W: whether workload W (or "broken") is to be made (ONLY empty: all).
wanted() { [ -z "$ONLY" ] || [[ " $ONLY " == *" $1 "* ]]; }

# make_one V W [v1|v1cgo]
make_one() {
  local v=$1 w=$2 kind=${3:-v2} g name best bestsize i cgo=0
  wanted "$w" || return 0
  [ "$kind" = v1cgo ] && cgo=1
  g=$(goroot "$v")/bin/go
  name=go$v-$w
  ( cd "$src/$w" && CGO_ENABLED=$cgo "$g" build -trimpath -buildvcs=false -o "$scratch/bin/$name" . )
  # Run TRIES times and keep the smallest trace. On a busy machine a run now and then
  # catches the GC's background sweeper spinning (it yields thousands of times in a row
  # while the OS has descheduled another sweeper) and is ten times bigger than usual.
  rm -f "$scratch"/run*.trace
  for i in $(seq 1 "$TRIES"); do
    ( cd "$scratch" && GOMAXPROCS=2 "$scratch/bin/$name" -o "$scratch/run$i.trace" )
  done
  best=$(stat -c '%s %n' "$scratch"/run*.trace | sort -n | head -n1)
  bestsize=${best%% *}
  mv "${best#* }" "$scratch/out/$name.trace"
  outputs "$name"
  check "$name" "$w" "$kind"
  printf '%s\treal\t%s\t%s\t%s\t-\t-\t%s\n' "$name" "$v" "$w" \
    "test/fixtures/go/$w built with Go $v (-trimpath$([ $cgo = 1 ] && echo ', CGO_ENABLED=1')); ran: GOMAXPROCS=2 $w -o $name.trace (smallest of $TRIES runs)" \
    "$(same_version "$name" "$v")" >>"$meta"
  echo "  $name.trace: $bestsize bytes, $(head -n1 "$scratch/out/$name.verdict.txt")" >&2
}

echo "make-fixtures: oracle $oracle_version" >&2
for v in $VERSIONS; do
  for w in $WORKLOADS; do make_one "$v" "$w"; done
done
for v in $V1_VERSIONS; do make_one "$v" annot v1; done
for v in $V1_CGO_VERSIONS; do make_one "$v" cgocb v1cgo; done

# Broken variants of go$BROKEN_FROM-manyg.
base=go$BROKEN_FROM-manyg
( cd "$src/fixturetool" && "$oracle_go" build -trimpath -buildvcs=false -o "$scratch/bin/fixturetool" . )
: >"$scratch/broken.tsv"
if wanted broken; then
  [ -f "$scratch/out/$base.trace" ] || cp "$out/$base.trace" "$scratch/out/"
  "$scratch/bin/fixturetool" break -in "$scratch/out/$base.trace" -outdir "$scratch/out" -name "broken-$base" \
    >"$scratch/broken.tsv"
  wanted manyg || rm -f "$scratch/out/$base.trace"
fi
while IFS=$'\t' read -r breakage made_by; do
  name=broken-$base-$breakage
  outputs "$name"
  printf '%s\tbroken\t%s\tmanyg\t%s\t%s\t%s\t%s\n' "$name" "$BROKEN_FROM" "$made_by" "$breakage" \
    "$base.trace" "$(same_version "$name" "$BROKEN_FROM")" >>"$meta"
  echo "  $name.trace: $(stat -c %s "$scratch/out/$name.trace") bytes, $(head -n1 "$scratch/out/$name.verdict.txt")" >&2
done <"$scratch/broken.tsv"

# With ONLY, the fixtures not remade are kept: their files and their manifest entries.
if [ -n "$ONLY" ]; then
  made=$(cut -f1 "$meta" | paste -sd, -)
  "$scratch/bin/fixturetool" meta -manifest "$out/manifest.json" -skip "$made" >>"$meta"
  for f in "$out"/*.trace; do
    n=$(basename "$f" .trace)
    [ -f "$scratch/out/$n.trace" ] || cp "$out/$n".* "$scratch/out/"
  done
fi

"$scratch/bin/fixturetool" manifest -dir "$scratch/out" -meta "$meta" \
  -oracle "$oracle_version"$'\n'"commands: go tool trace -d=wire FILE; go tool trace -d=parsed FILE"

# No path of this machine may leak into a committed file.
leaks=$(grep -rlaF -e "$(dirname "$repo")/" -e /tmp/ -e /root -e /home/ -e "$scratch" -e "$GO_DIR" -e "$(dirname "$oracle_go")" \
  "$scratch/out" || true)
if [ -n "$leaks" ]; then echo "make-fixtures: machine paths found in: $leaks" >&2; exit 1; fi

mkdir -p "$out"
rm -f "$out"/*.trace "$out"/*.wire.txt "$out"/*.parsed.txt "$out"/*.verdict.txt "$out"/manifest.json
cp "$scratch/out"/* "$out"/
echo "make-fixtures: wrote $(ls "$scratch/out" | wc -l) files, $(du -cb "$out" | tail -n1 | cut -f1) bytes, to ${out#"$repo"/}" >&2
