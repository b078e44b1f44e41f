#!/usr/bin/env bash
# Installs what a fresh machine lacks, then the npm dependencies. Idempotent and quick when
# everything is already there. Used by the README's two commands and by .ci/run.
set -euo pipefail
cd "$(dirname "$0")/.."

# System packages (Debian/Ubuntu): the PC/SC daemon and its headers for the card reader, the
# virtual reader driver and Chromium for the tests, Japanese fonts for rendering documents, the
# SQLCipher shell (the tests edit an encrypted check log with it, as an intruder with the key would),
# poppler-utils (the tests render the printed 申立書 and renewal slip from PDF to PNG with pdftoppm).
APT_PACKAGES=(pcscd libpcsclite1 libpcsclite-dev vsmartcard-vpcd pcsc-tools chromium fonts-noto-cjk sqlcipher poppler-utils)

if command -v dpkg-query >/dev/null 2>&1; then
  missing=()
  for p in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  if ((${#missing[@]})); then
    echo "bootstrap: installing ${missing[*]}"
    sudo=""
    if [ "$(id -u)" -ne 0 ]; then
      command -v sudo >/dev/null 2>&1 || { echo "bootstrap: need root (or sudo) to install: ${missing[*]}" >&2; exit 1; }
      sudo="sudo"
    fi
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
else
  echo "bootstrap: not a Debian system; install the equivalents of: ${APT_PACKAGES[*]}" >&2
fi

# Native addons build offline against the system's Node headers.
export npm_config_nodedir="${npm_config_nodedir:-/usr}"
[ -d "$npm_config_nodedir/include/node" ] || unset npm_config_nodedir

# npm ci only when the lock file changed since the last install.
stamp=node_modules/.uketsuke-lock.sha256
want=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  npm ci --no-audit --no-fund
  echo "$want" >"$stamp"
fi

# `npm start` rebuilds the native addons for Electron; the CLI and the tests need them for Node.
node scripts/native-addons.mjs node
