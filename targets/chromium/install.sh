#!/usr/bin/env bash
# Debian's chromium for the report.html tests (npm run test:browser), driven by playwright-core through
# /usr/bin/chromium: no browser is ever downloaded. Installs chromium (and a font) with apt-get when missing.
# Needs root (apt-get) only when chromium is not there yet.
set -euo pipefail

log() { echo "chromium: $*" >&2; }

install() {
  if [ -x /usr/bin/chromium ]; then return; fi
  log "installing chromium and fonts-dejavu-core from Debian's packages"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null
  if [ ! -x /usr/bin/chromium ]; then log "apt-get installed chromium, but /usr/bin/chromium is not there"; exit 1; fi
}

install
log "$(/usr/bin/chromium --version 2>/dev/null || echo "chromium at /usr/bin/chromium")"
