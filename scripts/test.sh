#!/usr/bin/env bash
# Install everything the tests need and run every test: lint, engine, app
# (AppTest), real browser (Playwright + Debian Chromium), LibreOffice-checked
# Excel export, doctests. Usage: bash scripts/test.sh [extra pytest args]
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-system-deps.sh
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install -q --disable-pip-version-check -r requirements-dev.txt

.venv/bin/ruff check .
.venv/bin/python -m pytest -p no:cacheprovider -n 2 "$@"
