#!/usr/bin/env bash
# Installs what the workbench tests and the demo need on a fresh Debian
# machine: Chromium, ripgrep and Kerberos headers from Debian, and
# code-server 4.100.3 (VS Code 1.100.3) from npm into .cache/code-server.
# code-server's own postinstall downloads ripgrep from the internet, so its
# steps are replayed here with the Debian ripgrep instead.
# npm 11 blocks dependency install scripts by default, hence the approvals.
# Safe to run again: each step is skipped once it is done.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cache="$root/.cache/code-server"
version=4.100.3
marker="$cache/.installed-$version"

need_debian=()
command -v chromium >/dev/null 2>&1 || need_debian+=(chromium)
command -v rg >/dev/null 2>&1 || need_debian+=(ripgrep)
dpkg -s libkrb5-dev >/dev/null 2>&1 || need_debian+=(libkrb5-dev)
if [ ${#need_debian[@]} -gt 0 ]; then
  echo "Installing Debian packages: ${need_debian[*]}"
  if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need_debian[@]}" >/dev/null
fi

if [ -f "$marker" ]; then
  exit 0
fi

echo "Installing code-server $version into .cache/code-server (a few minutes, once)"
mkdir -p "$cache"
cd "$cache"
[ -f package.json ] || echo '{"name":"code-server-cache","private":true}' > package.json
npm install --no-audit --no-fund --ignore-scripts "code-server@$version" >/dev/null
npm install-scripts approve argon2 >/dev/null
npm rebuild argon2 >/dev/null

vscode="$cache/node_modules/code-server/lib/vscode"
cd "$vscode"
npm install --no-audit --no-fund --omit=dev --ignore-scripts >/dev/null
mkdir -p node_modules/@vscode/ripgrep/bin
cp "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg
# npm 11 skips dependency install scripts unless they are approved; these
# are VS Code's own native modules, so approve them all in this folder.
if npm install-scripts ls >/dev/null 2>&1; then
  npm install-scripts approve --all >/dev/null
fi
npm_config_yes=true npm rebuild >/dev/null
ln -sfn node_modules node_modules.asar
(cd bin/remote-cli && ln -sfn code-linux.sh code-server)
(cd bin/helpers && ln -sfn browser-linux.sh browser.sh)
(cd extensions && npm install --no-audit --no-fund --omit=dev >/dev/null)

touch "$marker"
echo "code-server $version is ready"
