#!/usr/bin/env bash
# Browser tests run in Debian's Chromium (Playwright cannot download its own here). Installs it when
# missing and we are root; otherwise stops with the exact command to run.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then exit 0; fi
if [ "$(id -u)" = 0 ]; then
  echo "Chromium is missing: installing Debian's chromium package…" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium fonts-noto-cjk >&2
else
  echo "Chromium is missing. Run: sudo apt-get update && sudo apt-get install -y chromium fonts-noto-cjk" >&2
  exit 1
fi
