#!/usr/bin/env bash
# The one gate: typecheck, lint, unit and integration tests, the PostgreSQL suite, the browser tests.
set -euo pipefail
cd "$(dirname "$0")/.."
step() { printf '\n== %s\n' "$*"; }
step typecheck; npm run --silent typecheck
step lint;      npm run --silent lint
step "unit and integration tests (SQLite)"; npm run --silent test:unit
step "PostgreSQL suite"; npm run --silent test:pg
step "browser tests (Chromium)"; npm run --silent test:e2e
