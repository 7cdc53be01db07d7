#!/usr/bin/env bash
# Makes sure Debian's Chromium is present for the end-to-end tests, benchmarks and `npm start`.
# Playwright cannot download its own browsers on our machines, so we use the distribution's build.
set -euo pipefail
CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$CHROMIUM" ]; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Chromium not found at $CHROMIUM; installing Debian's chromium package…"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium >/dev/null
  exit 0
fi
echo "Chromium not found at $CHROMIUM. Install it (Debian/Ubuntu: sudo apt-get install -y chromium)" >&2
echo "or set CHROMIUM_PATH to a Chromium binary." >&2
exit 1
