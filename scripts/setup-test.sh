#!/usr/bin/env bash
# Installs what the test suite needs, when missing: Debian's Chromium, ChromeDriver and Firefox ESR, and geckodriver.
set -euo pipefail
source "$(dirname "$0")/env.sh"
SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi
need=()
command -v chromium >/dev/null || need+=(chromium)
command -v chromedriver >/dev/null || need+=(chromium-driver)
command -v firefox-esr >/dev/null || command -v firefox >/dev/null || need+=(firefox-esr)
if [ ${#need[@]} -gt 0 ]; then
  log "installing ${need[*]} (Debian packages)"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" fonts-noto-cjk >/dev/null
fi
if ! command -v geckodriver >/dev/null; then
  log "installing geckodriver (a few minutes, once)"
  cargo install geckodriver --version 0.37.1
fi
