#!/usr/bin/env bash
# Makes sure PostgreSQL's server binaries (Debian's postgresql package) are on this machine; installs them
# when missing and we are root, otherwise stops with the exact command to run. Prints the bin directory.
set -euo pipefail
find_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }
bin=$(find_bin)
if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "PostgreSQL is missing: installing Debian's postgresql package…" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    apt-get install -y -qq postgresql >&2
    bin=$(find_bin)
  else
    echo "PostgreSQL is missing. Run: sudo apt-get update && sudo apt-get install -y postgresql" >&2
    exit 1
  fi
fi
echo "$bin"
